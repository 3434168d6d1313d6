package dev.m6rec.plugins.features;

import dev.m6rec.api.config.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a list of names ({@code fields}, {@code aggregates}) needs beyond what a settings
 * record can declare: at least one name and none twice (a repeat would only duplicate columns).
 * Keys are relative to the component; core prefixes its path.
 */
final class NameListRules {
    private NameListRules() {
    }

    /** Reports the problems of list {@code key}; {@code noun} says what the names are ("attribute"). */
    static void check(String key, List<String> names, String noun, Problems problems) {
        if (names.isEmpty()) {
            problems.add(key, "must name at least one " + noun);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                problems.add(key + "[" + i + "]", noun + " '" + names.get(i) + "' is listed twice");
            }
        }
    }
}
