package dev.m6rec.plugins.dl4j.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.CountsModel;
import dev.m6rec.core.testing.FittedOnSimilarity;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Baselines;
import dev.m6rec.plugins.dl4j.Dl4jPlugin;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackModelTest {
    private static final SyntheticData DATA = new SyntheticData(240, 160, 4, 24, 7);

    private static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(
            new PluginInfo(new Dl4jPlugin(), "dl4j", "1", "classpath"),
            new PluginInfo(new Plugin() {
                @Override
                public String name() {
                    return "counts";
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
                            return Baselines.popularity();
                        }
                    });
                }
            }, "counts", "1", "classpath"),
            new PluginInfo(new Plugin() {
                @Override
                public String name() {
                    return "similarity-reader";
                }

                @Override
                public List<InterestModelFactory<?>> interestModels() {
                    return List.of(new InterestModelFactory<NoSettings>() {
                        public String name() {
                            return "similarity-reader";
                        }

                        public Class<NoSettings> settingsType() {
                            return NoSettings.class;
                        }

                        public InterestModel create(NoSettings settings, PluginContext context) {
                            return new CountsModel(data -> SIMILARITY_SEEN.add(
                                    ((FittedOnSimilarity) data.inputs().similarity().orElseThrow()).fittedOn()));
                        }
                    });
                }
            }, "similarity-reader", "1", "classpath")));

    /** How many interactions the similarity handed to each fit of a similarity-reader was fitted on. */
    private static final List<Integer> SIMILARITY_SEEN = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private static StackModel create(Map<String, Object> section, long seed) {
        StackSettings settings = Sections.bind(new StackFactory(), "interest", section, REGISTRY);
        return (StackModel) new StackFactory().create(settings, new RecordingPluginContext(seed, "interest"));
    }

    private static Map<String, Object> overCounts(Map<String, Object> more) {
        Map<String, Object> section = new java.util.LinkedHashMap<>(Map.of("base", List.of(Map.of("type", "counts"))));
        section.putAll(more);
        return section;
    }

    private static double testNdcg(InterestModel model) {
        return RankingEvaluation.ndcgAt10(model, RankingEvaluation.union(DATA.split.train(), DATA.split.valid()),
                DATA.split.test(), DATA.inputs.userFeatures());
    }

    private static TrainingData training() {
        return new TrainingData(DATA.split, DATA.inputs,
                RankingEvaluation.validation(DATA.split.train(), DATA.split.valid(), DATA.inputs.userFeatures()));
    }

    @Test
    void defaultsAndTheNestedSectionsAreBoundAsARunWould() {
        StackSettings s = Sections.bind(new StackFactory(), "interest", overCounts(Map.of()), REGISTRY);
        assertThat(s.base()).extracting(b -> b.path() + " " + b.type()).containsExactly("interest.base[0] counts");
        assertThat(s.candidates()).isEqualTo(100);
        assertThat(s.holdout()).isEqualTo(0.2);
        assertThat(s.features()).isTrue();
        assertThat(s.ranker().hidden()).containsExactly(32);
        assertThat(s.ranker().earlyStopping().patience()).isEqualTo(5);
        assertThat(s.ranker().learningRate()).isEqualTo(0.01);
        assertThat(Sections.problems(new StackFactory(), "interest", Map.of("holdout", 1.0)))
                .containsExactly("interest.holdout: must be < 1 (was 1)",
                        "interest.base: required (the base models: each recalls candidates and its scores feed the ranker)");
    }

    @Test
    void theRankerLearnsFromFeaturesWhatItsBaseModelCannotSee() {
        // Users of a group prefer one genre; the counts base sees only popularity, the ranker the group and genre.
        InterestModel popularity = Baselines.popularity();
        popularity.fit(training());
        StackModel stack = create(overCounts(Map.of("candidates", 80)), 3);
        stack.fit(training());
        double pop = testNdcg(popularity);
        double stacked = testNdcg(stack);
        assertThat(pop).isGreaterThan(0.01);
        assertThat(stacked).as("stack %.4f vs its base %.4f", stacked, pop).isGreaterThan(1.5 * pop);
    }

    @Test
    void inTheRankersStageABaseReadsASimilarityFittedOnlyOnTheKeptShareNotTheRunsOwn() {
        SimilarityModel runs = new FittedOnSimilarity();
        runs.fit(new SimilarityInput(DATA.split.train(), DATA.inputs.itemFeatures(), java.util.Optional.empty()));
        ModelInputs inputs = new ModelInputs(DATA.inputs.numUsers(), DATA.inputs.numItems(), DATA.inputs.userFeatures(),
                DATA.inputs.itemFeatures(), java.util.Optional.of(runs));
        RecordingPluginContext context = new RecordingPluginContext(3, "interest").withSimilarity(FittedOnSimilarity::new);
        StackSettings settings = Sections.bind(new StackFactory(), "interest",
                Map.of("base", List.of(Map.of("type", "similarity-reader")), "ranker", Map.of("epochs", 1)), REGISTRY);
        SIMILARITY_SEEN.clear();
        new StackFactory().create(settings, context).fit(new TrainingData(DATA.split, inputs,
                RankingEvaluation.validation(DATA.split.train(), DATA.split.valid(), DATA.inputs.userFeatures())));
        int train = DATA.split.train().size();
        assertThat(context.similarityFits).hasSize(1);
        int kept = context.similarityFits.get(0).size();
        assertThat(kept).isLessThan(train).isGreaterThan(train / 2);
        // The stage's base saw a similarity fitted on the kept share; the serving base sees the run's own.
        assertThat(SIMILARITY_SEEN).containsExactly(kept, train);
    }

    @Test
    void withoutTrainingTheRankerKeepsItsFirstBaseModelsOrder() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(training());
        StackModel stack = create(overCounts(Map.of("ranker", Map.of("epochs", 1, "learning-rate", 1e-12))), 3);
        stack.fit(training());
        assertThat(testNdcg(stack)).isEqualTo(testNdcg(popularity));
    }

    @Test
    void savedAndLoadedItScoresExactlyTheSameAndConcurrentScoringMatches() throws Exception {
        StackModel stack = create(overCounts(Map.of("ranker", Map.of("epochs", 5))), 5);
        stack.fit(training());
        MemoryArtifacts artifacts = new MemoryArtifacts();
        stack.save(artifacts);
        StackModel loaded = create(overCounts(Map.of("ranker", Map.of("epochs", 5))), 99);
        loaded.load(artifacts, DATA.inputs);
        for (int user = 0; user < 20; user++) {
            UserProfile profile = UserProfile.of(user, DATA.split.train().byUser().row(user), null,
                    DATA.inputs.userFeatures().row(user));
            float[] before = new float[DATA.numItems];
            float[] after = new float[DATA.numItems];
            stack.scoreAll(profile, before);
            loaded.scoreAll(profile, after);
            assertThat(after).containsExactly(before);
        }
        ConcurrentScoring.assertMatchesSequential(loaded, u -> UserProfile.of(u, DATA.split.train().byUser().row(u),
                null, DATA.inputs.userFeatures().row(u)), 40, DATA.numItems);
    }
}
