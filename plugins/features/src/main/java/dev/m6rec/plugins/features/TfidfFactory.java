package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class TfidfFactory implements FeatureExtractorFactory<TfidfFactory.Settings> {
    static final String NAME = "tfidf";

    /** The {@code tfidf} section; {@code maxFeatures} is null when every word is kept. */
    public record Settings(
            @Param(value = "the text attribute to encode", required = true) String field,
            @Param(value = "ignore words found in fewer training documents", def = "1", min = 1) int minDf,
            @Param(value = "keep at most this many words with the highest document frequency, ties by word "
                    + "(default: all)", min = 1) Integer maxFeatures,
            @Param(value = "english: drop English articles, conjunctions and prepositions; none: keep every word",
                    def = "english", oneOf = {"english", "none"}) String stopWords,
            @Param(value = "porter: reduce words to their Porter stems (Smile); none: keep words as written",
                    def = "none", oneOf = {"porter", "none"}) String stemmer) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TF-IDF of the words of a text attribute, L2-normalised rows";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new TfidfExtractor(settings, context.componentPath());
    }
}
