package dev.m6rec.plugins.dl4j.cnn;

import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words at every character that is neither a letter nor a digit
 * (Unicode-aware): {@code "Love & Death (1975)"} gives {@code [love, death, 1975]}. Stop words
 * stay: in short titles they are rare, and the encoder's word embeddings learn to ignore them.
 */
final class WordTokenizer {
    private WordTokenizer() {
    }

    /** Appends the words of {@code text} (none for {@code null}) to {@code out}, in order. */
    static void words(String text, List<String> out) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean letter = i < lower.length() && Character.isLetterOrDigit(cp);
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(cp) : 1;
        }
    }
}
