package dev.m6rec.api.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded dataset: the id spaces, all interactions, and attribute tables for users and items.
 * {@code loadCounts} carries what the loader counted (rows read, lines skipped with
 * {@code data.on-error: skip}) for the run summary; nothing is dropped silently.
 *
 * <pre>{@code
 * Dataset ds = new Dataset("ml-100k", users, items, interactions, userAttrs, itemAttrs, Map.of("rows", 100000L));
 * }</pre>
 */
public record Dataset(String name, IdIndex users, IdIndex items, Interactions interactions,
                      AttributeTable userAttributes, AttributeTable itemAttributes, Map<String, Long> loadCounts) {
    public Dataset {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(users, "users is null");
        Objects.requireNonNull(items, "items is null");
        Objects.requireNonNull(interactions, "interactions is null");
        Objects.requireNonNull(userAttributes, "userAttributes is null");
        Objects.requireNonNull(itemAttributes, "itemAttributes is null");
        loadCounts = Map.copyOf(new LinkedHashMap<>(loadCounts));
        if (interactions.numUsers() != users.size() || interactions.numItems() != items.size()) {
            throw new IllegalArgumentException("interactions span " + interactions.numUsers() + "x"
                    + interactions.numItems() + " but ids are " + users.size() + "x" + items.size());
        }
        if (userAttributes.rows() != users.size() || itemAttributes.rows() != items.size()) {
            throw new IllegalArgumentException("attribute tables do not match the id spaces");
        }
    }

    /** The ids and attributes of one side. */
    public IdIndex ids(EntityKind kind) {
        return kind == EntityKind.USER ? users : items;
    }

    public AttributeTable attributes(EntityKind kind) {
        return kind == EntityKind.USER ? userAttributes : itemAttributes;
    }
}
