package dev.m6rec.plugins.features;

import dev.m6rec.api.config.ConfigProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a list of names ({@code fields}, {@code aggregates}) needs beyond what the schema can
 * say: at least one name and none twice (a repeat would only duplicate columns). Keys are relative
 * to the component; core prefixes its path.
 */
final class NameListRules {
    private NameListRules() {
    }

    /** Problems of list {@code key}; {@code noun} says what the names are ("attribute"). */
    static List<ConfigProblem> check(String key, List<String> names, String noun) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (names.isEmpty()) {
            problems.add(new ConfigProblem(key, "must name at least one " + noun));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                problems.add(new ConfigProblem(key + "[" + i + "]", noun + " '" + names.get(i) + "' is listed twice"));
            }
        }
        return problems;
    }
}
