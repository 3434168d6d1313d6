package ${package};

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.List;

/**
 * The plugin's entry point, listed in {@code META-INF/services/dev.m6rec.api.Plugin}: one
 * component of each kind M6-Rec can be extended with. Keep what you need, delete the rest.
 *
 * <pre>{@code
 * plugins:    { dirs: [plugins] }
 * data:       { type: ${pluginName}-pairs, path: example-pairs.tsv }
 * split:      { type: ${pluginName}-holdout, test: 0.2 }
 * features:   { item: [ { type: ${pluginName}-activity } ] }
 * interest:   { type: ${pluginName}-popularity }
 * similarity: { type: ${pluginName}-co-users }
 * optimizer:  { type: ${pluginName}-random, trials: 4, metric: ndcg@10, space: { ... } }
 * }</pre>
 */
public final class ExamplePlugin implements Plugin {
    /** The plugin's name; every component name starts with it, so names stay unique among plugins. */
    public static final String NAME = "${pluginName}";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DatasetLoaderFactory<?>> datasetLoaders() {
        return List.of(new PairsLoaderFactory());
    }

    @Override
    public List<DatasetSplitterFactory<?>> datasetSplitters() {
        return List.of(new HoldoutSplitterFactory());
    }

    @Override
    public List<FeatureExtractorFactory<?>> featureExtractors() {
        return List.of(new ActivityExtractorFactory());
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new PopularityModelFactory());
    }

    @Override
    public List<SimilarityModelFactory<?>> similarityModels() {
        return List.of(new CoUsersSimilarityFactory());
    }

    @Override
    public List<StrategyOptimizerFactory<?>> strategyOptimizers() {
        return List.of(new RandomSearchFactory());
    }
}
