package dev.m6rec.plugins.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-case tokens at every character that is neither a letter nor a digit
 * (Unicode-aware), dropping stop words: {@code "Love & Death (1975)"} gives
 * {@code [love, death, 1975]}.
 */
final class TextTokenizer {
    /**
     * Lucene's English stop words: articles, conjunctions and prepositions only, so short titles
     * keep their content words (longer lists drop words such as "fire" or "cry").
     */
    static final Set<String> ENGLISH_STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
            "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
            "they", "this", "to", "was", "will", "with");

    private final Set<String> stopWords;
    private final boolean stem;

    TextTokenizer(Set<String> stopWords) {
        this(stopWords, false);
    }

    /** @param stem reduce words to their Porter stems (Smile's stemmer), so "loves" and "loving" meet */
    TextTokenizer(Set<String> stopWords, boolean stem) {
        this.stopWords = Set.copyOf(stopWords);
        this.stem = stem;
    }

    /** The tokens of {@code text} in order, repeats kept; none for {@code null}. */
    List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        // Smile's stemmer keeps state per call, so each call gets its own (tokens() runs concurrently).
        smile.nlp.stemmer.PorterStemmer stemmer = stem ? new smile.nlp.stemmer.PorterStemmer() : null;
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean word = i < lower.length() && Character.isLetterOrDigit(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                String token = lower.substring(start, i);
                if (!stopWords.contains(token)) {
                    tokens.add(stemmer == null ? token : stemmer.stem(token));
                }
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(cp) : 1;
        }
        return tokens;
    }
}
