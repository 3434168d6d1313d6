package dev.m6rec.plugins.datasets;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.List;

/** Reads columns of loaded datasets in assertions. */
public final class Columns {
    private Columns() {
    }

    public static float[] numeric(AttributeTable table, String name) {
        return ((AttributeColumn.Numeric) table.column(name).orElseThrow()).values();
    }

    public static String[] categorical(AttributeTable table, String name) {
        return ((AttributeColumn.Categorical) table.column(name).orElseThrow()).values();
    }

    /** Each row's tags joined with {@code |} ("" for none). */
    public static List<String> tags(AttributeTable table, String name) {
        List<String> rows = new ArrayList<>();
        for (String[] tags : ((AttributeColumn.Tags) table.column(name).orElseThrow()).values()) {
            rows.add(String.join("|", tags));
        }
        return rows;
    }

    public static String[] text(AttributeTable table, String name) {
        return ((AttributeColumn.Text) table.column(name).orElseThrow()).values();
    }

    /** Every row as "user item rating timestamp" with dense indexes. */
    public static List<String> rows(Interactions interactions) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < interactions.size(); r++) {
            rows.add(interactions.user(r) + " " + interactions.item(r) + " " + interactions.rating(r) + " "
                    + interactions.timestamp(r));
        }
        return rows;
    }
}
