package dev.m6rec.core.config;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.List;

/**
 * Factories with realistic schemas and no behaviour, for tests of validation and assembly:
 * loaders {@code synthetic, csv}; splitter {@code ratio}; features {@code numeric, categorical};
 * interest models {@code bpr, ease, item-knn (needs similarity), mlp, popularity}; similarity
 * {@code cosine}; optimizers {@code random, tpe}.
 */
public final class TestFactories {
    private TestFactories() {
    }

    /** A registry holding one plugin {@code test} with every factory above. */
    public static PluginRegistry registry() {
        return PluginRegistry.of(List.of(new PluginInfo(plugin(), "test", "1", "classpath")));
    }

    public static Plugin plugin() {
        return new Plugin() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public List<DatasetLoaderFactory> datasetLoaders() {
                return List.of(
                        new Loader("synthetic", ConfigSchema.builder()
                                .intParam("users", 100, "users").atLeast(1)
                                .intParam("items", 50, "items").atLeast(1).build()),
                        new Loader("csv", ConfigSchema.builder()
                                .stringParam("path", null, "the CSV file").required().build()));
            }

            @Override
            public List<DatasetSplitterFactory> datasetSplitters() {
                return List.of(new Splitter("ratio", ConfigSchema.builder()
                        .floatListParam("ratios", List.of(0.8, 0.1, 0.1), "train/valid/test").greaterThan(0).build()));
            }

            @Override
            public List<FeatureExtractorFactory> featureExtractors() {
                ConfigSchema fields = ConfigSchema.builder()
                        .stringListParam("fields", null, "attribute columns").required().build();
                return List.of(new Feature("numeric", fields), new Feature("categorical", fields));
            }

            @Override
            public List<InterestModelFactory> interestModels() {
                return List.of(
                        new Interest("popularity", ConfigSchema.empty(), false),
                        new Interest("bpr", ConfigSchema.builder().intParam("factors", 32, "factors").atLeast(1).build(), false),
                        new Interest("ease", ConfigSchema.builder().floatParam("lambda", 500.0, "L2").greaterThan(0).build(), false),
                        new Interest("item-knn", ConfigSchema.empty(), true),
                        new Interest("mlp", ConfigSchema.builder()
                                .intListParam("hidden", List.of(128, 64), "tower widths").greaterThan(0)
                                .intParam("epochs", 20, "training epochs").atLeast(1)
                                .floatParam("loss.click", 0.5, "alpha").atLeast(0)
                                .floatParam("loss.rating", 0.5, "beta").atLeast(0)
                                .stringParam("activation", "relu", "tower activation").oneOf("relu", "tanh", "sigmoid")
                                .build(), false));
            }

            @Override
            public List<SimilarityModelFactory> similarityModels() {
                return List.of(new Similarity("cosine", ConfigSchema.builder()
                        .intParam("neighbours", 50, "neighbours kept").atLeast(1)
                        .stringParam("source", "interactions", "what vectors").oneOf("interactions", "features").build()));
            }

            @Override
            public List<StrategyOptimizerFactory> strategyOptimizers() {
                return List.of(new Optimizer("random", ConfigSchema.empty()),
                        new Optimizer("tpe", ConfigSchema.builder().intParam("startup", 10, "random trials first").atLeast(1).build()));
            }
        };
    }

    /** Behaviourless base: name and schema only. */
    private abstract static class Stub {
        private final String name;
        private final ConfigSchema schema;

        Stub(String name, ConfigSchema schema) {
            this.name = name;
            this.schema = schema;
        }

        public String name() {
            return name;
        }

        public ConfigSchema schema() {
            return schema;
        }
    }

    static final class Loader extends Stub implements DatasetLoaderFactory {
        Loader(String name, ConfigSchema schema) {
            super(name, schema);
        }

        @Override
        public DatasetLoader create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Splitter extends Stub implements DatasetSplitterFactory {
        Splitter(String name, ConfigSchema schema) {
            super(name, schema);
        }

        @Override
        public DatasetSplitter create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Feature extends Stub implements FeatureExtractorFactory {
        Feature(String name, ConfigSchema schema) {
            super(name, schema);
        }

        @Override
        public FeatureExtractor create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Interest extends Stub implements InterestModelFactory {
        private final boolean requiresSimilarity;

        Interest(String name, ConfigSchema schema, boolean requiresSimilarity) {
            super(name, schema);
            this.requiresSimilarity = requiresSimilarity;
        }

        @Override
        public boolean requiresSimilarity() {
            return requiresSimilarity;
        }

        /** mlp: both loss weights 0 would train nothing. */
        @Override
        public List<ConfigProblem> validate(ComponentConfig config) {
            if (name().equals("mlp") && config.getDouble("loss.click") == 0 && config.getDouble("loss.rating") == 0) {
                return List.of(new ConfigProblem("loss", "at least one of click and rating must be > 0"));
            }
            return List.of();
        }

        @Override
        public InterestModel create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Similarity extends Stub implements SimilarityModelFactory {
        Similarity(String name, ConfigSchema schema) {
            super(name, schema);
        }

        @Override
        public SimilarityModel create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Optimizer extends Stub implements StrategyOptimizerFactory {
        Optimizer(String name, ConfigSchema schema) {
            super(name, schema);
        }

        @Override
        public StrategyOptimizer create(ComponentConfig config, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
