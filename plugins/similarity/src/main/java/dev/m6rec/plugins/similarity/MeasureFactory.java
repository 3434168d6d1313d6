package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.List;

/**
 * Makes neighbourhood similarity models for one {@link Measure}; the factory name is the measure
 * and the source is a parameter.
 *
 * <pre>{@code
 * similarity: { type: cosine, source: interactions, neighbours: 50, shrinkage: 10 }
 * similarity: { type: pearson, source: hybrid, sources: { interactions: 0.7, features: 0.3 } }
 * }</pre>
 */
public final class MeasureFactory implements SimilarityModelFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .stringParam("source", "interactions", "what is compared: interactions (training split), features "
                    + "(encoded item features), embeddings (interest model) or hybrid (blend of sources)")
            .oneOf(Source.labels().toArray(String[]::new))
            .intParam("neighbours", 50, "most similar items kept per item").atLeast(1)
            .floatParam("shrinkage", 0.0, "interactions: damps a similarity to sim * n / (n + shrinkage), "
                    + "n = users common to both items").atLeast(0)
            .intParam("min-support", 1, "interactions: pairs with fewer common users have similarity 0").atLeast(1)
            .booleanParam("binary", false, "interactions: count every interaction as 1 instead of its rating")
            .mapParam("sources", "hybrid: weight of each blended source, e.g. {interactions: 0.7, features: 0.3}")
            .build();

    private final Measure measure;

    MeasureFactory(Measure measure) {
        this.measure = requireNonNull(measure, "measure is null");
    }

    @Override
    public String name() {
        return measure.label();
    }

    @Override
    public String description() {
        return measure.description();
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        return SimilaritySettings.problems(config);
    }

    /** True for {@code source: embeddings} and for a hybrid that blends embeddings; never throws on a bad config. */
    @Override
    public boolean requiresEmbeddings(ComponentConfig config) {
        String source = config.getString("source");
        return Source.EMBEDDINGS.label().equals(source)
                || (Source.HYBRID.label().equals(source) && config.getMap("sources").containsKey(Source.EMBEDDINGS.label()));
    }

    @Override
    public SimilarityModel create(ComponentConfig config, PluginContext context) {
        return new NeighbourSimilarityModel(SimilaritySettings.from(measure, config), context);
    }
}
