package dev.m6rec.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.prepare.TinyDatasets;
import dev.m6rec.core.split.CorePlugin;
import dev.m6rec.core.testing.CountsModel;
import dev.m6rec.core.testing.FittedOnSimilarity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fit, save and load walk one plan: a step added to it is fitted, stored and restored without other changes. */
class PipelinePlanTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A step the standard plan does not have: it notes how many items it saw and stores that note. */
    static final class NoteStep implements PlanStep {
        private final ConfiguredComponent component;
        String note;
        String restored;

        NoteStep(ConfiguredComponent component) {
            this.component = component;
        }

        @Override
        public ConfiguredComponent component() {
            return component;
        }

        @Override
        public void fit(PipelineParts parts, PluginContext context) {
            note = "items=" + parts.split().dataset().items().size() + " at " + context.componentPath();
        }

        @Override
        public void save(FittedPipeline pipeline, ArtifactWriter out) {
            out.writeText("note.txt", note);
        }

        @Override
        public void load(PipelineParts parts, ArtifactReader in, PluginContext context) {
            restored = in.readText("note.txt");
        }
    }

    /** The validation scorer each counts model was handed by its fit. */
    private static final List<ValidationScorer> HANDED_VALIDATION = new ArrayList<>();
    /** Each similarity model the factory made, in order. */
    private static final List<FittedOnSimilarity> SIMILARITIES = new ArrayList<>();
    /** What each fits-similarity model got from {@code fitSimilarity}: the model's fit size, or -1 for none. */
    private static final List<Integer> ASKED = new ArrayList<>();

    /** Counts, after asking its context for a similarity fitted on its first training row only (a nested model's share). */
    private static InterestModel asksForSimilarity(PluginContext context) {
        return new CountsModel(data -> {
            Optional<SimilarityModel> own = context.fitSimilarity(data.train().select(new int[] {0}),
                    data.inputs().itemFeatures());
            ASKED.add(own.map(m -> ((FittedOnSimilarity) m).fittedOn()).orElse(-1));
        });
    }

    private static PluginRegistry registry() {
        Plugin plugin = new Plugin() {
            @Override
            public String name() {
                return "plan-test";
            }

            @Override
            public List<DatasetLoaderFactory<?>> datasetLoaders() {
                return List.of(new DatasetLoaderFactory<NoSettings>() {
                    public String name() {
                        return "none";
                    }

                    public Class<NoSettings> settingsType() {
                        return NoSettings.class;
                    }

                    public DatasetLoader create(NoSettings settings, PluginContext context) {
                        throw new UnsupportedOperationException("the test splits its own dataset");
                    }
                });
            }

            @Override
            public List<InterestModelFactory<?>> interestModels() {
                return List.of(new InterestModelFactory<NoSettings>() {
                    public String name() {
                        return "counts";
                    }

                    public Class<NoSettings> settingsType() {
                        return NoSettings.class;
                    }

                    public InterestModel create(NoSettings settings, PluginContext context) {
                        return new CountsModel(data -> HANDED_VALIDATION.add(data.validation()));
                    }
                }, new InterestModelFactory<NoSettings>() {
                    public String name() {
                        return "fits-similarity";
                    }

                    public Class<NoSettings> settingsType() {
                        return NoSettings.class;
                    }

                    public InterestModel create(NoSettings settings, PluginContext context) {
                        return asksForSimilarity(context);
                    }
                });
            }

            @Override
            public List<SimilarityModelFactory<?>> similarityModels() {
                return List.of(new SimilarityModelFactory<NoSettings>() {
                    public String name() {
                        return "fit-size";
                    }

                    public Class<NoSettings> settingsType() {
                        return NoSettings.class;
                    }

                    public SimilarityModel create(NoSettings settings, PluginContext context) {
                        FittedOnSimilarity model = new FittedOnSimilarity();
                        SIMILARITIES.add(model);
                        return model;
                    }
                });
            }
        };
        return PluginRegistry.of(List.of(new PluginInfo(new CorePlugin(), "core", "1", "classpath"),
                new PluginInfo(plugin, "plan-test", "1", "classpath")));
    }

    /** The standard plan of {@code config} plus a note step at config path {@code extra}. */
    private static PipelinePlan withNote(RunConfig config, NoteStep[] made) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfiguredComponent interest = config.interest();
        ConfiguredComponent extra = new ConfiguredComponent(ComponentKind.INTEREST, "extra", interest.registered(),
                new NoSettings(), SectionBinder.bindSettings("extra", Map.of(), ConfigSchema.empty(), problems),
                Map.of());
        made[0] = new NoteStep(extra);
        List<PlanStep> steps = new ArrayList<>(PipelinePlan.of(config).steps());
        steps.add(made[0]);
        return new PipelinePlan(steps);
    }

    @Test
    void aStepAddedToThePlanIsFittedSavedAndLoaded() throws Exception {
        PluginRegistry registry = registry();
        RunConfig config = config(registry);
        DataSplit split = leaveOneOut(config, "a x 1 1", "a y 1 2", "b y 1 3", "b z 1 4", "c y 1 5", "c x 1 6");
        NoteStep[] fitted = new NoteStep[1];
        PipelinePlan plan = withNote(config, fitted);
        assertThat(plan.steps()).extracting(s -> s.component().path()).containsExactly("interest", "extra");

        TrainedRun trained = new PipelineTrainer(config, context(config), v -> { }, plan).trainOn(split, 0);
        assertThat(fitted[0].note).isEqualTo("items=3 at extra");
        Path artifact = dir.resolve("artifact");
        PipelineArtifact.save(artifact, trained.pipeline(), plan, config, registry, Map.of(), Optional.empty());
        assertThat(artifact.resolve("extra/note.txt")).hasContent("items=3 at extra");
        assertThat(Files.exists(artifact.resolve("interest/counts.f32"))).isTrue();

        NoteStep[] loadedStep = new NoteStep[1];
        PipelineArtifact.LoadedPipeline loaded = PipelineArtifact.load(artifact, registry, executor,
                ProgressReporter.silent(), c -> withNote(c, loadedStep));
        assertThat(loadedStep[0].restored).isEqualTo("items=3 at extra");
        float[] before = new float[3];
        float[] after = new float[3];
        trained.pipeline().interest().scoreAll(trained.pipeline().profile(0), before);
        loaded.pipeline().interest().scoreAll(loaded.pipeline().profile(0), after);
        assertThat(after).containsExactly(before);
    }

    @Test
    void anInterestModelCanFitTheRunsSimilarityAfreshOnPartOfTheTrainingDataOnlyWhenTheRunHasOne() {
        PluginRegistry registry = registry();
        for (boolean withSimilarity : new boolean[] {true, false}) {
            Map<String, Object> raw = new java.util.LinkedHashMap<>(Map.of("data", Map.of("type", "none"),
                    "interest", Map.of("type", "fits-similarity"), "split", Map.of("type", "leave-one-out", "valid", false)));
            if (withSimilarity) {
                raw.put("similarity", Map.of("type", "fit-size"));
            }
            RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(raw), registry);
            DataSplit split = leaveOneOut(config, "a x 1 1", "a y 1 2", "b y 1 3", "b z 1 4", "c y 1 5", "c x 1 6");
            SIMILARITIES.clear();
            ASKED.clear();
            new PipelineTrainer(config, context(config), v -> { }, PipelinePlan.of(config)).trainOn(split, 0);
            if (withSimilarity) {
                // The run's own similarity on all 3 training rows, then a fresh one on the 1 row the model asked for.
                assertThat(SIMILARITIES).extracting(FittedOnSimilarity::fittedOn).containsExactly(3, 1);
                assertThat(ASKED).containsExactly(1);
            } else {
                assertThat(SIMILARITIES).isEmpty();
                assertThat(ASKED).containsExactly(-1);
            }
        }
    }

    @Test
    void aRunWithoutValidationSavesOnlyTheMetricsItMeasuredAndLoadsAgain() throws Exception {
        PluginRegistry registry = registry();
        RunConfig config = config(registry);
        DataSplit split = leaveOneOut(config, "a x 1 1", "a y 1 2", "b y 1 3", "b z 1 4");
        TrainedRun trained = new PipelineTrainer(config, context(config), v -> { }, PipelinePlan.of(config))
                .trainOn(split, 0);
        Map<String, Map<String, Double>> metrics = new java.util.LinkedHashMap<>();
        metrics.put("valid", Map.of("hr@10", Double.NaN));
        metrics.put("test", Map.of("hr@10", 0.5, "ndcg@10", Double.NaN));
        Path artifact = dir.resolve("artifact");
        PipelineArtifact.save(artifact, trained.pipeline(), config, registry, metrics);

        PipelineArtifact.LoadedPipeline loaded = PipelineArtifact.load(artifact, registry, executor,
                ProgressReporter.silent());
        assertThat(loaded.manifest().metrics()).isEqualTo(Map.of("test", Map.of("hr@10", 0.5)));
    }

    @Test
    void theValidationHandedToAFitScoresTheUsersAndTheRankingTheEvaluationSectionNames() {
        PluginRegistry registry = registry();
        RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(Map.of(
                "data", Map.of("type", "none"), "interest", Map.of("type", "counts"),
                "split", Map.of("type", "leave-one-out", "valid", true),
                "evaluation", Map.of("max-users", 2, "ranking", "sampled", "negatives", 2))), registry);
        List<String> lines = new ArrayList<>();
        String[] items = {"p", "q", "r", "s", "t", "v", "w", "x"};
        for (int u = 0; u < 6; u++) {
            for (int k = 0; k < 4; k++) {
                lines.add("u" + u + " " + items[(u + 2 * k) % items.length] + " 1 " + (10 * u + k));
            }
        }
        DataSplit split = leaveOneOut(config, lines.toArray(String[]::new));
        HANDED_VALIDATION.clear();
        InterestModel counts = new PipelineTrainer(config, context(config), v -> { }, PipelinePlan.of(config))
                .trainOn(split, 0).pipeline().interest();
        assertThat(HANDED_VALIDATION).hasSize(1);

        java.util.Set<Integer> scoredUsers = new java.util.TreeSet<>();
        List<Integer> rankedItems = new ArrayList<>();
        InterestModel recording = new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] candidates, float[] out) {
                synchronized (scoredUsers) {
                    scoredUsers.add(user.index());
                    rankedItems.add(candidates.length);
                }
                counts.score(user, candidates, out);
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
        HANDED_VALIDATION.get(0).score(recording);
        // max-users: 2 of the 6 validation users; sampled: each held-out item among 2 negatives, not all 8 items.
        assertThat(scoredUsers).hasSize(2);
        assertThat(rankedItems).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
    }

    /** The counts model with a leave-one-out split without validation. */
    private static RunConfig config(PluginRegistry registry) {
        return RunConfigValidator.validate(RawConfig.fromMap(Map.of(
                "data", Map.of("type", "none"), "interest", Map.of("type", "counts"),
                "split", Map.of("type", "leave-one-out", "valid", false))), registry);
    }

    /** {@code lines} ("user item rating time") split as {@code config} says. */
    private DataSplit leaveOneOut(RunConfig config, String... lines) {
        return new dev.m6rec.core.split.LeaveOneOutSplitterFactory()
                .create(config.split().settings(dev.m6rec.core.split.LeaveOneOutSplitterFactory.Settings.class),
                        context(config))
                .split(TinyDatasets.of("tiny", lines));
    }

    private DefaultPluginContext context(RunConfig config) {
        return new DefaultPluginContext(config.seed(), "run", executor, 1, ProgressReporter.silent(), dir);
    }
}
