package dev.m6rec.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dense index of external ids: index {@code i} in {@code [0, size())} stands for
 * {@code id(i)}. Models work on indexes; ids appear only at the edges (loading, output).
 *
 * <pre>{@code
 * IdIndex.Builder users = IdIndex.builder();
 * int u = users.add("alice");      // 0; adding "alice" again returns 0
 * IdIndex index = users.build();
 * index.indexOf("bob");           // -1
 * }</pre>
 */
public final class IdIndex {
    private final String[] ids;
    private final Map<String, Integer> lookup;

    private IdIndex(String[] ids, Map<String, Integer> lookup) {
        this.ids = ids;
        this.lookup = lookup;
    }

    /** An index of the given ids in order; ids must be distinct. */
    public static IdIndex of(List<String> ids) {
        Builder builder = builder();
        for (String id : ids) {
            if (builder.indexOf(id) >= 0) {
                throw new IllegalArgumentException("duplicate id: " + id);
            }
            builder.add(id);
        }
        return builder.build();
    }

    /** The ids "0", "1", ... "n-1", for generated data. */
    public static IdIndex range(String prefix, int n) {
        Builder builder = builder();
        for (int i = 0; i < n; i++) {
            builder.add(prefix + i);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return ids.length;
    }

    /** The external id of a dense index. */
    public String id(int index) {
        return ids[index];
    }

    /** The dense index of an external id, or -1 when unknown. */
    public int indexOf(String id) {
        Integer index = lookup.get(id);
        return index == null ? -1 : index;
    }

    public List<String> ids() {
        return List.of(ids);
    }

    @Override
    public String toString() {
        return "IdIndex[" + ids.length + " ids]";
    }

    /** Assigns dense indexes in first-seen order. Not thread-safe. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> lookup = new HashMap<>();

        private Builder() {
        }

        /** The index of {@code id}, assigning the next one when new. */
        public int add(String id) {
            Integer existing = lookup.get(id);
            if (existing != null) {
                return existing;
            }
            int index = ids.size();
            ids.add(id);
            lookup.put(id, index);
            return index;
        }

        public int indexOf(String id) {
            Integer index = lookup.get(id);
            return index == null ? -1 : index;
        }

        public int size() {
            return ids.size();
        }

        public IdIndex build() {
            return new IdIndex(ids.toArray(new String[0]), new HashMap<>(lookup));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdIndex other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }
}
