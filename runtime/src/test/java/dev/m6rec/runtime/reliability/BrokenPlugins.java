package dev.m6rec.runtime.reliability;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.List;

/**
 * Plugins that misbehave the ways issue 12 tried (each loaded from a plugin folder by
 * {@link PluginFolder}): a {@code name()} that throws, returns null or is not kebab-case, and
 * interest models that throw in create, fit or score; a loader, a splitter and an optimizer that throw.
 */
public final class BrokenPlugins {
    static final String EXIT_IN_SCORE = "M6REC_TEST_EXIT_IN_SCORE";

    private BrokenPlugins() {
    }

    public static final class NameThrows implements Plugin {
        @Override
        public String name() {
            throw new IllegalStateException("no name today");
        }
    }

    public static final class NameNull implements Plugin {
        @Override
        public String name() {
            return null;
        }
    }

    public static final class BadName implements Plugin {
        @Override
        public String name() {
            return "Bad Name!";
        }
    }

    /** A plugin with a good name whose one interest model's {@code name()} throws. */
    public static final class FactoryNameThrows implements Plugin {
        @Override
        public String name() {
            return "nameless-models";
        }

        @Override
        public List<InterestModelFactory<?>> interestModels() {
            return List.of(new NamelessFactory());
        }
    }

    private static final class NamelessFactory implements InterestModelFactory<NoSettings> {
        @Override
        public String name() {
            throw new IllegalStateException("no name today");
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public InterestModel create(NoSettings settings, PluginContext context) {
            throw new UnsupportedOperationException("never registered");
        }
    }

    /**
     * Interest models {@code fails-in-create}, {@code fails-in-fit} and {@code fails-in-score}, and
     * {@code exits-in-score}, which scores like a constant model but calls {@code System.exit(3)}
     * when the environment variable {@value #EXIT_IN_SCORE} is set (in a served subprocess only).
     */
    public static final class ThrowingModels implements Plugin {
        @Override
        public String name() {
            return "throwing-models";
        }

        @Override
        public List<InterestModelFactory<?>> interestModels() {
            return List.of(new Factory("create"), new Factory("fit"), new Factory("score"), new Factory("exit"));
        }
    }

    private record Factory(String stage) implements InterestModelFactory<NoSettings> {
        @Override
        public String name() {
            return stage.equals("exit") ? "exits-in-score" : "fails-in-" + stage;
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public InterestModel create(NoSettings settings, PluginContext context) {
            if (stage.equals("create")) {
                throw new IllegalArgumentException("boom in create");
            }
            return new Model(stage);
        }
    }

    private record Model(String stage) implements InterestModel {
        @Override
        public void fit(TrainingData data) {
            if (stage.equals("fit")) {
                throw new IllegalStateException("boom in fit");
            }
        }

        @Override
        public void score(UserProfile user, int[] items, float[] out) {
            if (stage.equals("exit")) {
                if (System.getenv(EXIT_IN_SCORE) != null) {
                    System.exit(3);
                }
                java.util.Arrays.fill(out, 1f);
                return;
            }
            throw new ArrayIndexOutOfBoundsException("boom in score");
        }

        @Override
        public void save(ArtifactWriter out) {
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    }

    /** A dataset loader, a splitter and an optimizer, each failing with an unchecked exception. */
    public static final class ThrowingSteps implements Plugin {
        @Override
        public String name() {
            return "throwing-steps";
        }

        @Override
        public List<DatasetLoaderFactory<?>> datasetLoaders() {
            return List.of(new DatasetLoaderFactory<NoSettings>() {
                public String name() {
                    return "fails-in-load";
                }

                public Class<NoSettings> settingsType() {
                    return NoSettings.class;
                }

                public DatasetLoader create(NoSettings settings, PluginContext context) {
                    return () -> {
                        throw new IllegalStateException("boom in load");
                    };
                }
            });
        }

        @Override
        public List<DatasetSplitterFactory<?>> datasetSplitters() {
            return List.of(new DatasetSplitterFactory<NoSettings>() {
                public String name() {
                    return "fails-in-split";
                }

                public Class<NoSettings> settingsType() {
                    return NoSettings.class;
                }

                public DatasetSplitter create(NoSettings settings, PluginContext context) {
                    return (Dataset dataset) -> {
                        throw new IllegalStateException("boom in split");
                    };
                }
            });
        }

        @Override
        public List<StrategyOptimizerFactory<?>> strategyOptimizers() {
            return List.of(new StrategyOptimizerFactory<NoSettings>() {
                public String name() {
                    return "fails-in-ask";
                }

                public Class<NoSettings> settingsType() {
                    return NoSettings.class;
                }

                public StrategyOptimizer create(NoSettings settings, PluginContext context) {
                    return new StrategyOptimizer() {
                        public void start(SearchSpace space, Direction direction) {
                        }

                        public Trial ask(int number) {
                            throw new IllegalStateException("boom in ask");
                        }

                        public void tell(Trial trial, TrialResult result) {
                        }
                    };
                }
            });
        }
    }
}
