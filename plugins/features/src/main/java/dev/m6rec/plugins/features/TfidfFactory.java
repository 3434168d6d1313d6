package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * {@code tfidf}: TF-IDF of the words of a text attribute over a vocabulary of frequent words,
 * rows scaled to unit length.
 *
 * <pre>{@code
 * features.item: [ { type: tfidf, field: title, max-features: 500, min-df: 2 } ]
 * # columns: title:1995, title:love, ...
 * }</pre>
 */
public final class TfidfFactory implements FeatureExtractorFactory {
    static final String NAME = "tfidf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TF-IDF of the words of a text attribute, L2-normalised rows";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("field", null, "the text attribute to encode").required()
                .intParam("min-df", 1, "ignore words found in fewer training documents").atLeast(1)
                .intParam("max-features", null, "keep at most this many words with the highest document "
                        + "frequency, ties by word (default: all)")
                .atLeast(1)
                .stringParam("stop-words", "english", "english: drop English articles, conjunctions and "
                        + "prepositions; none: keep every word")
                .oneOf("english", "none")
                .stringParam("stemmer", "none", "porter: reduce words to their Porter stems (Smile); none: keep words as written")
                .oneOf("porter", "none")
                .build();
    }

    @Override
    public FeatureExtractor create(ComponentConfig config, PluginContext context) {
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        return new TfidfExtractor(config);
    }
}
