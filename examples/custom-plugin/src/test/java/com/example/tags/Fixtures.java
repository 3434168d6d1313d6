package com.example.tags;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Five items with genres and years. */
final class Fixtures {
    static final String[][] GENRES = {
        {"Drama", "Comedy"}, {"Drama"}, {"Comedy", "Horror"}, {}, {"Drama", "Romance"},
    };

    private Fixtures() {
    }

    static FeatureInput items() {
        AttributeTable attributes = new AttributeTable(GENRES.length, List.of(
                new AttributeColumn.Tags("genres", GENRES),
                new AttributeColumn.Numeric("year", new float[] {1995, 1996, 1997, 1998, 1999})));
        Interactions none = new Interactions(3, GENRES.length, new int[0], new int[0], null, null);
        return new FeatureInput(EntityKind.ITEM, IdIndex.range("i", GENRES.length), attributes, none);
    }

    /** Item {@code i} known only by its attributes, as a new item would be. */
    static Attributes genresOf(int item) {
        return Attributes.builder().tags("genres", List.of(GENRES[item])).build();
    }

    /** A YAML section with its keys in the given order, as a config file would give them. */
    static Map<String, Object> section(Object... keysAndValues) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            section.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return section;
    }
}
