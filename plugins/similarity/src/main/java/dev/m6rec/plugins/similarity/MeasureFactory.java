package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.config.SettingsRecords;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.Map;

/**
 * Makes neighbourhood similarity models for one {@link Measure}; the factory name is the measure
 * and the source is a parameter ({@link SimilaritySettings}).
 *
 * <pre>{@code
 * similarity: { type: cosine, source: interactions, neighbours: 50, shrinkage: 10 }
 * similarity: { type: pearson, source: hybrid, sources: { interactions: 0.7, features: 0.3 } }
 * }</pre>
 */
public final class MeasureFactory implements SimilarityModelFactory<SimilaritySettings> {
    private static final SimilaritySettings DEFAULTS = SettingsRecords.create(SimilaritySettings.class, Map.of());

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
    public Class<SimilaritySettings> settingsType() {
        return SimilaritySettings.class;
    }

    /** {@code sources} goes with a hybrid only; the interactions options with a source that compares interactions. */
    @Override
    public void check(SimilaritySettings settings, Problems problems) {
        String source = settings.source().label();
        if (settings.source() == Source.HYBRID && !settings.sources().any()) {
            problems.add("sources", "required when source is hybrid, e.g. {interactions: 0.7, features: 0.3}");
        } else if (settings.source() != Source.HYBRID && settings.sources().any()) {
            problems.add("sources", "only used when source is hybrid (source is " + source + ")");
        }
        if (!settings.weights().containsKey(Source.INTERACTIONS)) {
            // A record cannot tell a value left out from the default written out, so only other values are refused.
            String ignored = "applies only to the interactions source (source is " + source + ")";
            if (settings.shrinkage() != DEFAULTS.shrinkage()) {
                problems.add("shrinkage", ignored);
            }
            if (settings.minSupport() != DEFAULTS.minSupport()) {
                problems.add("min-support", ignored);
            }
            if (settings.binary() != DEFAULTS.binary()) {
                problems.add("binary", ignored);
            }
        }
    }

    /** True for {@code source: embeddings} and for a hybrid that blends embeddings. */
    @Override
    public boolean requiresEmbeddings(SimilaritySettings settings) {
        return settings.weights().containsKey(Source.EMBEDDINGS);
    }

    @Override
    public SimilarityModel create(SimilaritySettings settings, PluginContext context) {
        return new NeighbourSimilarityModel(measure, settings, context);
    }
}
