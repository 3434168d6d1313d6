package dev.m6rec.plugins.dl4j.cnn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text encoder's words and their indexes: 0 is padding, 1 an unknown (rare or unseen) word,
 * then the words found in at least {@code minCount} items, most items first (ties by word), at
 * most {@code maxWords} of them.
 *
 * <pre>{@code
 * TextVocabulary vocabulary = TextVocabulary.build(itemWords, 2, 20_000);
 * vocabulary.encode(new String[] {"love", "death"}, 8, tokens, 0);   // [7, 1, 0, 0, 0, 0, 0, 0]
 * }</pre>
 */
final class TextVocabulary {
    static final int PAD = 0;
    static final int UNKNOWN = 1;
    private static final int RESERVED = 2;
    private final List<String> words;
    private final Map<String, Integer> index;

    TextVocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.index = new HashMap<>();
        for (int w = 0; w < this.words.size(); w++) {
            if (index.put(this.words.get(w), RESERVED + w) != null) {
                throw new IllegalArgumentException("duplicate word " + this.words.get(w));
            }
        }
    }

    static TextVocabulary build(String[][] itemWords, int minCount, int maxWords) {
        Map<String, int[]> counts = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        for (String[] item : itemWords) {
            distinct.clear();
            for (String word : item) {
                if (distinct.add(word)) {
                    counts.computeIfAbsent(word, w -> new int[1])[0]++;
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            if (e.getValue()[0] >= minCount) {
                kept.add(e.getKey());
            }
        }
        kept.sort((a, b) -> {
            int byCount = Integer.compare(counts.get(b)[0], counts.get(a)[0]);
            return byCount != 0 ? byCount : a.compareTo(b);
        });
        return new TextVocabulary(kept.size() > maxWords ? kept.subList(0, maxWords) : kept);
    }

    /** Rows of the word-embedding table: the words plus padding and unknown. */
    int size() {
        return RESERVED + words.size();
    }

    /** The words in index order, from index 2. */
    List<String> words() {
        return words;
    }

    /** Writes the indexes of the first {@code tokens} words into {@code out}, padding the rest. */
    void encode(String[] text, int tokens, int[] out, int offset) {
        for (int p = 0; p < tokens; p++) {
            out[offset + p] = p < text.length ? index.getOrDefault(text[p], UNKNOWN) : PAD;
        }
    }
}
