package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of one item attribute, per item, for the text encoder: a text attribute is split
 * into words, a categorical one gives the words of its value, a tags attribute those of every tag.
 * A missing value gives no words.
 */
final class ItemWords {
    private ItemWords() {
    }

    /**
     * The words of attribute {@code field} for every row of {@code items}; an unknown or numeric
     * attribute is a {@link ConfigException} at {@code where} (the config key that named it).
     */
    static String[][] of(AttributeTable items, String field, String where) {
        AttributeColumn column = items.column(field).orElseThrow(() -> new ConfigException(where,
                "unknown item attribute '" + field + "'; available: " + items.names()));
        String[][] words = new String[items.rows()][];
        List<String> row = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            row.clear();
            if (column instanceof AttributeColumn.Text t) {
                WordTokenizer.words(t.values()[i], row);
            } else if (column instanceof AttributeColumn.Categorical c) {
                WordTokenizer.words(c.values()[i], row);
            } else if (column instanceof AttributeColumn.Tags t) {
                for (String tag : t.values()[i]) {
                    WordTokenizer.words(tag, row);
                }
            } else {
                throw new ConfigException(where, "item attribute '" + field + "' is "
                        + column.kind().name().toLowerCase(Locale.ROOT)
                        + "; the text encoder needs a text, categorical or tags attribute");
            }
            words[i] = row.toArray(String[]::new);
        }
        return words;
    }
}
