package dev.m6rec.plugins.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens an extractor keeps (categories, tags, words), in ascending {@link String} order, each
 * with its index. Selection keeps tokens counted at least {@code minCount} times, and of those the
 * {@code maxSize} most frequent (ties broken by token), so the choice never depends on hash order.
 *
 * <pre>{@code
 * Vocabulary.Counter counts = new Vocabulary.Counter();
 * counts.add("Comedy"); counts.add("Drama"); counts.add("Comedy");
 * Vocabulary v = counts.select(1, 10);        // [Comedy, Drama]
 * v.indexOf("Drama");                         // 1; unknown tokens give -1
 * }</pre>
 */
final class Vocabulary {
    private final List<String> tokens;
    private final Map<String, Integer> indexes;

    private Vocabulary(List<String> sortedTokens) {
        this.tokens = List.copyOf(sortedTokens);
        this.indexes = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            indexes.put(tokens.get(i), i);
        }
    }

    /** A vocabulary restored from saved tokens, which must be in ascending order and distinct. */
    static Vocabulary ofSorted(List<String> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i - 1).compareTo(tokens.get(i)) >= 0) {
                throw new IllegalArgumentException("tokens not in ascending order at " + i + ": '"
                        + tokens.get(i - 1) + "', '" + tokens.get(i) + "'");
            }
        }
        return new Vocabulary(tokens);
    }

    int size() {
        return tokens.size();
    }

    List<String> tokens() {
        return tokens;
    }

    /** The token's index, or -1 when it is not kept. */
    int indexOf(String token) {
        Integer index = indexes.get(token);
        return index == null ? -1 : index;
    }

    /** Counts tokens during fit. */
    static final class Counter {
        private final Map<String, int[]> counts = new HashMap<>();

        void add(String token) {
            counts.computeIfAbsent(token, t -> new int[1])[0]++;
        }

        int count(String token) {
            int[] count = counts.get(token);
            return count == null ? 0 : count[0];
        }

        /** The tokens counted at least {@code minCount} times, at most {@code maxSize} of the most frequent. */
        Vocabulary select(int minCount, int maxSize) {
            List<Map.Entry<String, int[]>> kept = new ArrayList<>();
            for (Map.Entry<String, int[]> entry : counts.entrySet()) {
                if (entry.getValue()[0] >= minCount) {
                    kept.add(entry);
                }
            }
            kept.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                    .thenComparing(Map.Entry::getKey));
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < Math.min(maxSize, kept.size()); i++) {
                chosen.add(kept.get(i).getKey());
            }
            chosen.sort(Comparator.naturalOrder());
            return new Vocabulary(chosen);
        }
    }
}
