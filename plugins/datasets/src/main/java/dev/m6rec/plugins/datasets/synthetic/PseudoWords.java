package dev.m6rec.plugins.datasets.synthetic;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Distinct pronounceable made-up words ("dravo", "shelun") for generated tags and titles: real
 * words would suggest meaning the data does not have.
 */
final class PseudoWords {
    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "z", "br", "cr", "dr", "gl", "pl", "st", "tr", "sh", "ch"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "x"};

    private final RandomGenerator random;
    private final Set<String> used = new HashSet<>();

    PseudoWords(RandomGenerator random) {
        this.random = random;
    }

    /** A word not returned before. */
    String next() {
        while (true) {
            int syllables = 2 + (used.size() > 20_000 ? 1 : 0) + (random.nextInt(4) == 0 ? 1 : 0);
            StringBuilder word = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            word.append(CODAS[random.nextInt(CODAS.length)]);
            String text = word.toString();
            if (used.add(text)) {
                return text;
            }
        }
    }

    static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
