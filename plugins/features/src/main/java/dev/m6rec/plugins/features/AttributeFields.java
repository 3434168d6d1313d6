package dev.m6rec.plugins.features;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the attribute columns that an extractor's {@code field}/{@code fields} name. A name that
 * the attribute table lacks, or a column of the wrong kind, is a {@link ConfigException} naming
 * the full key ({@code features.user[0].fields[1]}) and the attributes that are available.
 */
final class AttributeFields {
    private AttributeFields() {
    }

    /** The columns named by a list parameter, e.g. {@code fields}. */
    static List<AttributeColumn> resolveAll(String path, String key, List<String> names, FeatureInput input,
                                            String extractor, Set<AttributeKind> accepted) {
        List<AttributeColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(resolve(path + "." + key + "[" + i + "]", names.get(i), input, extractor, accepted));
        }
        return columns;
    }

    /** The column named at {@code where} (a full key path), which must be of an accepted kind. */
    static AttributeColumn resolve(String where, String name, FeatureInput input, String extractor,
                                   Set<AttributeKind> accepted) {
        String side = input.kind().label();
        AttributeColumn column = input.attributes().column(name).orElseThrow(() -> new ConfigException(where,
                "unknown " + side + " attribute '" + name + "'; available: " + input.attributes().names()));
        if (!accepted.contains(column.kind())) {
            throw new ConfigException(where, side + " attribute '" + name + "' is " + label(column.kind())
                    + "; " + extractor + " needs " + describe(accepted));
        }
        return column;
    }

    static Set<AttributeKind> kinds(AttributeKind first, AttributeKind... rest) {
        return EnumSet.of(first, rest);
    }

    private static String describe(Set<AttributeKind> accepted) {
        String kinds = accepted.stream().map(AttributeFields::label).collect(Collectors.joining(" or "));
        return "a " + kinds + " attribute";    // no kind label starts with a vowel
    }

    private static String label(AttributeKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
