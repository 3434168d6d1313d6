package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import java.util.List;

/**
 * The {@code cnn} model's optional text-CNN item encoder, read from the {@code text} block of its
 * YAML section. The encoder is off unless {@code text.field} names an item attribute.
 *
 * <pre>{@code
 * interest: { type: cnn, text: { field: title, tokens: 8, widths: [1, 2], filters: 32, min-count: 2 } }
 * }</pre>
 *
 * @param field         the item attribute whose words are encoded, or {@code null} when the encoder is off
 * @param tokens        words kept per item (later ones are cut, shorter texts padded)
 * @param widths        widths (in words) of the 1-D convolutions
 * @param filters       filters per width
 * @param wordEmbedding width of the word embeddings
 * @param minCount      items a word must appear in to enter the vocabulary
 * @param maxWords      the vocabulary's size limit (the words found in most items win)
 */
public record TextEncoderSettings(String field, int tokens, int[] widths, int filters, int wordEmbedding,
                                  int minCount, int maxWords) {
    private static final String PREFIX = "text.";

    public TextEncoderSettings {
        requireNonNull(widths, "widths is null");
        widths = widths.clone();
    }

    /** The encoder is off: no field named. */
    public static TextEncoderSettings off() {
        return new TextEncoderSettings(null, 8, new int[] {1, 2}, 32, 16, 2, 20_000);
    }

    public boolean enabled() {
        return field != null;
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Declares the {@code text.*} parameters with their defaults and bounds. */
    static ConfigSchema.Builder declare(ConfigSchema.Builder schema) {
        return schema
                .stringParam("text.field", null, "item attribute (text, categorical or tags) whose words feed a "
                        + "text-CNN item encoder, so items without interactions get a vector; off when not given")
                .intParam("text.tokens", 8, "words of each item the encoder reads (the rest are cut)").atLeast(1).atMost(512)
                .intListParam("text.widths", List.of(1, 2), "widths (in words) of the encoder's 1-D convolutions")
                .greaterThan(0)
                .intParam("text.filters", 32, "convolution filters per width").atLeast(1)
                .intParam("text.word-embedding", 16, "width of the encoder's word embeddings").atLeast(1)
                .intParam("text.min-count", 2, "items a word must appear in to enter the vocabulary").atLeast(1)
                .intParam("text.max-words", 20_000, "vocabulary size limit (the words of most items win)").atLeast(1);
    }

    static TextEncoderSettings from(ComponentConfig config) {
        return new TextEncoderSettings(config.getString("text.field"), config.getInt("text.tokens"),
                config.getIntArray("text.widths"), config.getInt("text.filters"), config.getInt("text.word-embedding"),
                config.getInt("text.min-count"), config.getInt("text.max-words"));
    }

    /** The checks across {@code text.*} keys, with keys relative to the component. */
    static void validate(ComponentConfig config, List<ConfigProblem> problems) {
        String field = config.getString("text.field");
        if (field == null) {
            // Encoder settings without a field would be ignored silently: say so instead.
            for (String key : List.of("tokens", "widths", "filters", "word-embedding", "min-count", "max-words")) {
                if (config.isSet(PREFIX + key)) {
                    problems.add(new ConfigProblem(PREFIX + "field", "required when text." + key
                            + " is given (the text encoder is off without a field)"));
                    break;
                }
            }
            return;
        }
        if (field.isBlank()) {
            problems.add(new ConfigProblem(PREFIX + "field", "must name an item attribute (was '" + field + "')"));
        }
        int tokens = config.getInt("text.tokens");
        int[] widths = config.getIntArray("text.widths");
        if (widths.length == 0) {
            problems.add(new ConfigProblem(PREFIX + "widths", "must list at least one convolution width"));
        }
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] > tokens) {
                problems.add(new ConfigProblem(PREFIX + "widths[" + i + "]", "must be <= text.tokens " + tokens
                        + " (was " + widths[i] + ")"));
            }
            for (int j = 0; j < i; j++) {
                if (widths[j] == widths[i]) {
                    problems.add(new ConfigProblem(PREFIX + "widths[" + i + "]", "repeats width " + widths[i]
                            + " (raise text.filters for more filters)"));
                    break;
                }
            }
        }
    }
}
