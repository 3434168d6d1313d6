package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.config.SettingsRecords;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@code text} block of the {@code cnn} section: the optional text-CNN item encoder, off
 * unless {@code field} names an item attribute. Later words than {@code tokens} are cut, shorter
 * texts padded; the words found in most items win a place in the vocabulary.
 *
 * <pre>{@code
 * interest: { type: cnn, text: { field: title, tokens: 8, widths: [1, 2], filters: 32, min-count: 2 } }
 * }</pre>
 */
public record TextEncoderSettings(
        @Param("item attribute (text, categorical or tags) whose words feed a text-CNN item encoder, so items"
                + " without interactions get a vector; off when not given") String field,
        @Param(value = "words of each item the encoder reads (the rest are cut)", def = "8", min = 1, max = 512)
        int tokens,
        @Param(value = "widths (in words) of the encoder's 1-D convolutions", def = "[1, 2]", above = 0) int[] widths,
        @Param(value = "convolution filters per width", def = "32", min = 1) int filters,
        @Param(value = "width of the encoder's word embeddings", def = "16", min = 1) int wordEmbedding,
        @Param(value = "items a word must appear in to enter the vocabulary", def = "2", min = 1) int minCount,
        @Param(value = "vocabulary size limit (the words of most items win)", def = "20000", min = 1) int maxWords) {
    /** Where the block sits in the {@code cnn} section; messages name keys from there. */
    private static final String PREFIX = "text.";

    public TextEncoderSettings {
        requireNonNull(widths, "widths is null");
        widths = widths.clone();
    }

    public boolean enabled() {
        return field != null;
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** The checks across the block's keys, reported relative to the {@code cnn} section. */
    void check(Problems problems) {
        if (field == null) {
            // Encoder settings without a field would be ignored silently: say so instead.
            String changed = firstChanged();
            if (changed != null) {
                problems.add(PREFIX + "field", "required when text." + changed
                        + " is given (the text encoder is off without a field)");
            }
            return;
        }
        if (field.isBlank()) {
            problems.add(PREFIX + "field", "must name an item attribute (was '" + field + "')");
        }
        if (widths.length == 0) {
            problems.add(PREFIX + "widths", "must list at least one convolution width");
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] > tokens) {
                problems.add(PREFIX + "widths[" + i + "]", "must be <= text.tokens " + tokens
                        + " (was " + widths[i] + ")");
            }
            for (int j = 0; j < i; j++) {
                if (widths[j] == widths[i]) {
                    problems.add(PREFIX + "widths[" + i + "]", "repeats width " + widths[i]
                            + " (raise text.filters for more filters)");
                    break;
                }
            }
        }
    }

    /**
     * The first encoder key whose value is not its default, or null. The record cannot tell a
     * default given explicitly from one left out; ignoring a default changes nothing either way.
     */
    private String firstChanged() {
        TextEncoderSettings defaults = SettingsRecords.create(TextEncoderSettings.class, Map.of());
        return tokens != defaults.tokens ? "tokens"
                : !Arrays.equals(widths, defaults.widths) ? "widths"
                : filters != defaults.filters ? "filters"
                : wordEmbedding != defaults.wordEmbedding ? "word-embedding"
                : minCount != defaults.minCount ? "min-count"
                : maxWords != defaults.maxWords ? "max-words"
                : null;
    }
}
