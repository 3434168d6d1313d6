package dev.m6rec.core.config;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
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
import java.nio.file.Path;
import java.util.List;

/**
 * Factories with realistic schemas and no behaviour, for tests of validation and assembly:
 * loaders {@code synthetic, csv}; splitter {@code ratio}; features {@code numeric, categorical};
 * interest models {@code bpr, ease, item-knn (needs similarity), mlp, popularity}; similarity
 * {@code cosine}; optimizers {@code random, tpe}.
 */
public final class StubFactories {
    private StubFactories() {
    }

    /** A registry holding one plugin {@code test} with every factory above. */
    public static PluginRegistry registry() {
        return PluginRegistry.of(List.of(new PluginInfo(plugin(), "test", "1", "classpath")));
    }

    /** {@code synthetic}'s parameters. */
    public record SyntheticSettings(@Param(value = "users", def = "100", min = 1) int users,
                                    @Param(value = "items", def = "50", min = 1) int items) {
    }

    /** {@code csv}'s parameters. */
    public record CsvSettings(@Param(value = "the CSV file", required = true) Path path) {
    }

    /** {@code ratio}'s parameters. */
    public record RatioSettings(@Param(value = "train/valid/test", def = "[0.8, 0.1, 0.1]", above = 0) float[] ratios) {
    }

    /** The feature extractors' parameters. */
    public record FieldsSettings(@Param(value = "attribute columns", required = true) List<String> fields) {
    }

    /** {@code bpr}'s parameters. */
    public record BprSettings(@Param(value = "factors", def = "32", min = 1) int factors) {
    }

    /** {@code ease}'s parameters. */
    public record EaseSettings(@Param(value = "L2", def = "500", above = 0) double lambda) {
    }

    /** {@code mlp}'s loss weights, a nested section. */
    public record Loss(@Param(value = "alpha", def = "0.5", min = 0) double click,
                       @Param(value = "beta", def = "0.5", min = 0) double rating) {
    }

    /** {@code mlp}'s parameters. */
    public record MlpSettings(@Param(value = "tower widths", def = "[128, 64]", above = 0) int[] hidden,
                              @Param(value = "training epochs", def = "20", min = 1) int epochs,
                              @Param(value = "loss weights") Loss loss,
                              @Param(value = "tower activation", def = "relu", oneOf = {"relu", "tanh", "sigmoid"})
                              String activation) {
    }

    /** {@code blend}'s parameters: a model built on others ({@link #withBlend}). */
    public record BlendSettings(@Param(value = "the models blended", required = true) List<InterestModelSection> base,
                                @Param(value = "candidates per base model", def = "100", min = 1) int candidates) {
    }

    /** {@link #registry()} plus a plugin {@code blend} whose interest model {@code blend} nests others. */
    public static PluginRegistry withBlend() {
        Plugin blend = new Plugin() {
            @Override
            public String name() {
                return "blend";
            }

            @Override
            public List<InterestModelFactory<?>> interestModels() {
                return List.of(new Interest<>("blend", BlendSettings.class, false));
            }
        };
        return PluginRegistry.of(List.of(new PluginInfo(plugin(), "test", "1", "classpath"),
                new PluginInfo(blend, "blend", "1", "classpath")));
    }

    /** {@code cosine}'s parameters. */
    public record CosineSettings(@Param(value = "neighbours kept", def = "50", min = 1) int neighbours,
                                 @Param(value = "what vectors", def = "interactions", oneOf = {"interactions", "features"})
                                 String source) {
    }

    /** {@code tpe}'s parameters. */
    public record TpeSettings(@Param(value = "random trials first", def = "10", min = 1) int startup) {
    }

    public static Plugin plugin() {
        return new Plugin() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public List<DatasetLoaderFactory<?>> datasetLoaders() {
                return List.of(new Loader<>("synthetic", SyntheticSettings.class), new Loader<>("csv", CsvSettings.class));
            }

            @Override
            public List<DatasetSplitterFactory<?>> datasetSplitters() {
                return List.of(new Splitter<>("ratio", RatioSettings.class));
            }

            @Override
            public List<FeatureExtractorFactory<?>> featureExtractors() {
                return List.of(new Feature<>("numeric", FieldsSettings.class), new Feature<>("categorical", FieldsSettings.class));
            }

            @Override
            public List<InterestModelFactory<?>> interestModels() {
                return List.of(
                        new Interest<>("popularity", NoSettings.class, false),
                        new Interest<>("bpr", BprSettings.class, false) {
                            @Override
                            public boolean learnsItemEmbeddings(BprSettings settings) {
                                return true;
                            }
                        },
                        new Interest<>("ease", EaseSettings.class, false),
                        new Interest<>("item-knn", NoSettings.class, true),
                        new Mlp());
            }

            @Override
            public List<SimilarityModelFactory<?>> similarityModels() {
                return List.of(new Similarity<>("cosine", CosineSettings.class));
            }

            @Override
            public List<StrategyOptimizerFactory<?>> strategyOptimizers() {
                return List.of(new Optimizer<>("random", NoSettings.class), new Optimizer<>("tpe", TpeSettings.class));
            }
        };
    }

    /** Behaviourless base: name and settings only. */
    private abstract static class Stub<S extends Record> {
        private final String name;
        private final Class<S> settings;

        Stub(String name, Class<S> settings) {
            this.name = name;
            this.settings = settings;
        }

        public String name() {
            return name;
        }

        public Class<S> settingsType() {
            return settings;
        }
    }

    static final class Loader<S extends Record> extends Stub<S> implements DatasetLoaderFactory<S> {
        Loader(String name, Class<S> settings) {
            super(name, settings);
        }

        @Override
        public DatasetLoader create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Splitter<S extends Record> extends Stub<S> implements DatasetSplitterFactory<S> {
        Splitter(String name, Class<S> settings) {
            super(name, settings);
        }

        @Override
        public DatasetSplitter create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Feature<S extends Record> extends Stub<S> implements FeatureExtractorFactory<S> {
        Feature(String name, Class<S> settings) {
            super(name, settings);
        }

        @Override
        public FeatureExtractor create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static class Interest<S extends Record> extends Stub<S> implements InterestModelFactory<S> {
        private final boolean requiresSimilarity;

        Interest(String name, Class<S> settings, boolean requiresSimilarity) {
            super(name, settings);
            this.requiresSimilarity = requiresSimilarity;
        }

        @Override
        public boolean requiresSimilarity() {
            return requiresSimilarity;
        }

        @Override
        public InterestModel create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    /** mlp: both loss weights 0 would train nothing. */
    static final class Mlp extends Interest<MlpSettings> {
        Mlp() {
            super("mlp", MlpSettings.class, false);
        }

        @Override
        public void check(MlpSettings settings, Problems problems) {
            if (settings.loss().click() == 0 && settings.loss().rating() == 0) {
                problems.add("loss", "at least one of click and rating must be > 0");
            }
        }
    }

    static final class Similarity<S extends Record> extends Stub<S> implements SimilarityModelFactory<S> {
        Similarity(String name, Class<S> settings) {
            super(name, settings);
        }

        @Override
        public SimilarityModel create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }

    static final class Optimizer<S extends Record> extends Stub<S> implements StrategyOptimizerFactory<S> {
        Optimizer(String name, Class<S> settings) {
            super(name, settings);
        }

        @Override
        public StrategyOptimizer create(S settings, PluginContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
