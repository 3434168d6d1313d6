package dev.m6rec.plugins.features;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.SparseRows;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A user's category distribution: the share of their training interactions per value of an item
 * attribute. A categorical value counts 1; an item with n tags gives each 1/n, so every
 * interaction weighs the same. Columns {@code behaviour:<field>=<value>}, values in sorted order.
 */
final class CategoryProfile {
    private final String field;
    private final Vocabulary vocabulary;
    /** Per item, vocabulary indexes of its values. */
    private final int[][] itemValues;

    private CategoryProfile(String field, Vocabulary vocabulary, int[][] itemValues) {
        this.field = field;
        this.vocabulary = vocabulary;
        this.itemValues = itemValues;
    }

    /** The profile over item attribute {@code field}; {@code where} names the config key in errors. */
    static CategoryProfile of(String where, String field, AttributeTable items) {
        AttributeColumn column = items.column(field).orElseThrow(() -> new ConfigException(where,
                "unknown item attribute '" + field + "'; available: " + items.names()));
        String[][] values = new String[items.rows()][];
        if (column instanceof AttributeColumn.Categorical c) {
            for (int i = 0; i < values.length; i++) {
                values[i] = c.values()[i] == null ? new String[0] : new String[] {c.values()[i]};
            }
        } else if (column instanceof AttributeColumn.Tags t) {
            for (int i = 0; i < values.length; i++) {
                values[i] = t.values()[i];
            }
        } else {
            throw new ConfigException(where, "item attribute '" + field + "' is " + column.kind().name()
                    .toLowerCase(java.util.Locale.ROOT) + "; a profile needs a categorical or tags attribute");
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (String[] v : values) {
            distinct.addAll(List.of(v));
        }
        Vocabulary vocabulary = Vocabulary.ofSorted(new ArrayList<>(distinct));
        int[][] itemValues = new int[values.length][];
        for (int i = 0; i < values.length; i++) {
            itemValues[i] = java.util.Arrays.stream(values[i]).distinct().mapToInt(vocabulary::indexOf).toArray();
        }
        return new CategoryProfile(field, vocabulary, itemValues);
    }

    List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (String value : vocabulary.tokens()) {
            columns.add(BehaviourFactory.NAME + ":" + field + "=" + value);
        }
        return columns;
    }

    /** Adds user {@code user}'s shares at columns {@code offset..} of the current row. */
    void addShares(int user, SparseRows byUser, int offset, FeatureRows.Builder row) {
        int count = byUser.length(user);
        if (count == 0) {
            return;
        }
        float[] shares = new float[vocabulary.size()];
        for (int k = byUser.start(user); k < byUser.end(user); k++) {
            int[] values = itemValues[byUser.column(k)];
            for (int v : values) {
                shares[v] += 1f / values.length;
            }
        }
        for (int v = 0; v < shares.length; v++) {
            row.add(offset + v, shares[v] / count);
        }
    }
}
