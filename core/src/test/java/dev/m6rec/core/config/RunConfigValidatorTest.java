package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.core.ann.IndexSettings;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigValidatorTest {
    private final PluginRegistry registry = StubFactories.registry();
    private final ConfigLoader loader = new ConfigLoader(Map.of("EPOCHS", "12")::get, name -> null);

    @TempDir
    Path dir;

    private RunConfig validate(String yaml, String... overrides) throws IOException {
        Path file = dir.resolve("quick.yaml");
        Files.writeString(file, yaml);
        return RunConfigValidator.validate(loader.read(file, List.of(overrides)), registry);
    }

    private List<String> problems(String yaml, String... overrides) throws IOException {
        try {
            validate(yaml, overrides);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    private static String metricMessage(String metric) {
        try {
            MetricSpec.parse(metric);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError(metric + " parsed");
    }

    @Test
    void anEmptyConfigGetsEveryDefault() {
        RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(Map.of()), registry);
        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.pluginDirs()).isEmpty();
        assertThat(config.data().type()).isEqualTo("synthetic");
        assertThat(config.data().settings(StubFactories.SyntheticSettings.class).users()).isEqualTo(100);
        assertThat(config.data().path()).isEqualTo("data");
        assertThat(config.split().type()).isEqualTo("ratio");
        assertThat(config.interest().type()).isEqualTo("popularity");
        assertThat(config.userFeatures()).isEmpty();
        assertThat(config.itemFeatures()).isEmpty();
        assertThat(config.similarity()).isEmpty();
        assertThat(config.optimizer()).isEmpty();
        assertThat(config.evaluation()).isEqualTo(EvaluationSettings.defaults());
        assertThat(config.recommend()).isEqualTo(RecommendSettings.defaults());
        assertThat(config.output()).isEqualTo(new OutputSettings(Path.of("runs", "run"), 3, 10));
    }

    @Test
    void aFullConfigBindsEverySection() throws IOException {
        RunConfig config = validate("""
                seed: 7
                threads: 2
                plugins: {dirs: [plugins]}
                data: {type: csv, path: ratings.csv}
                split: {type: ratio, ratios: [0.7, 0.15, 0.15]}
                features:
                  user: [{type: categorical, fields: [gender]}, {type: numeric, fields: [age]}]
                  item: [{type: categorical, fields: [genre]}]
                interest: {type: item-knn}
                similarity: {type: cosine, neighbours: 20}
                evaluation: {metrics: [HR@5, ndcg@10], validation-metric: recall@20, max-users: 100}
                recommend: {k: 5, recall: {history: 200, popular: 0}, diversity: 0.25}
                output: {samples: 1, k: 5}
                optimizer:
                  type: tpe
                  startup: 5
                  trials: 30
                  parallel: 2
                  timeout: 600
                  space:
                    similarity.neighbours: {int: [10, 100]}
                """, "interest.type=item-knn");
        assertThat(config.source()).isEqualTo(dir.resolve("quick.yaml"));
        assertThat(config.seed()).isEqualTo(7);
        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.pluginDirs()).containsExactly(dir.resolve("plugins"));
        assertThat(config.data().settings(StubFactories.CsvSettings.class).path()).isEqualTo(dir.resolve("ratings.csv"));
        assertThat(config.split().settings(StubFactories.RatioSettings.class).ratios()).containsExactly(0.7f, 0.15f, 0.15f);
        assertThat(config.userFeatures()).extracting(ConfiguredComponent::path)
                .containsExactly("features.user[0]", "features.user[1]");
        assertThat(config.userFeatures()).extracting(ConfiguredComponent::type).containsExactly("categorical", "numeric");
        assertThat(config.itemFeatures().get(0).settings(StubFactories.FieldsSettings.class).fields()).containsExactly("genre");
        assertThat(config.similarity().orElseThrow().settings(StubFactories.CosineSettings.class).neighbours()).isEqualTo(20);
        assertThat(config.evaluation()).isEqualTo(new EvaluationSettings(List.of("hr@5", "ndcg@10"), "recall@20", "full", 100, 100, "uniform"));
        assertThat(config.recommend()).isEqualTo(new RecommendSettings(5, Map.of("history", 200, "popular", 0), 0.25));
        assertThat(config.output()).isEqualTo(new OutputSettings(Path.of("runs", "quick"), 1, 5));
        BoundComponentConfig optimizer = config.optimizer().orElseThrow().section();
        assertThat(optimizer.getInt("startup")).isEqualTo(5);
        assertThat(optimizer.getInt("trials")).isEqualTo(30);
        assertThat(optimizer.getString("metric")).isEqualTo("recall@20");
        assertThat(optimizer.getString("direction")).isEqualTo("maximize");
        assertThat(optimizer.getDouble("timeout")).isEqualTo(600.0);
        assertThat(optimizer.getMap("space")).containsOnlyKeys("similarity.neighbours");
        assertThat(config.resolved()).containsKeys("seed", "optimizer");
    }

    @Test
    void unknownKeysOutOfRangeValuesAndUnknownTypesAreReportedTogether() throws IOException {
        assertThat(problems("""
                intrest: {type: mlp}
                data: {type: synthetic, users: 0, itmes: 5}
                features:
                  user: [{type: numeric, fields: [age]}, {type: numerik, fields: [x]}]
                  items: []
                interest: {type: mpl}
                evaluation: {metrics: [hr@10, ndgc@10], max-users: -1}
                recommend: {k: 0, recall: {history: -1, popular: 5, randm: 3}, diversity: 1.5}
                output: {samples: -1}
                """)).containsExactly(
                "intrest: unknown key; did you mean 'interest'?",
                "data.users: must be >= 1 (was 0)",
                "data.itmes: unknown key; did you mean 'items'?",
                "features.items: unknown key; did you mean 'item'?",
                "features.user[1].type: unknown feature extractor 'numerik'; did you mean 'numeric'? available: [categorical, numeric]",
                "interest.type: unknown interest model 'mpl'; did you mean 'mlp'? available: [bpr, ease, item-knn, mlp, popularity]",
                "evaluation.max-users: must be >= 0 (was -1)",
                "evaluation.metrics[1]: " + metricMessage("ndgc@10"),
                "recommend.k: must be >= 1 (was 0)",
                "recommend.recall.history: must be >= 0 (was -1)",
                "recommend.recall.randm: unknown key; valid keys are [embedding, history, popular]",
                "recommend.diversity: must be <= 1 (was 1.5)",
                "output.samples: must be >= 0 (was -1)");
    }

    @Test
    void componentParametersAreCheckedAgainstTheFactorySchema() throws IOException {
        assertThat(problems("interest: {type: mlp, hiden: [64], epochs: 0, hidden: [64, -3], activation: relu6}\n"))
                .containsExactly(
                        "interest.hiden: unknown key; did you mean 'hidden'?",
                        "interest.epochs: must be >= 1 (was 0)",
                        "interest.hidden[1]: must be > 0 (was -3)",
                        "interest.activation: must be one of [relu, tanh, sigmoid] (was 'relu6'); did you mean 'relu'?");
    }

    @Test
    void theExactUnknownTypeMessageListsTheAvailableNames() {
        assertThatThrownBy(() -> RunConfigValidator.validate(RawConfig.fromMap(Map.of("interest", Map.of("type", "mpl"))), registry))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.type: unknown interest model 'mpl'; did you mean 'mlp'? available: [bpr, ease, item-knn, mlp, popularity]");
        assertThatThrownBy(() -> RunConfigValidator.validate(RawConfig.fromMap(Map.of("similarity", Map.of("type", "xyz"))), registry))
                .hasMessage("similarity.type: unknown similarity model 'xyz'; available: [cosine]");
    }

    @Test
    void typeErrorsFromOverridesNameTheKeyPath() throws IOException {
        assertThat(problems("interest: {type: mlp}\n", "interest.epochs=abc", "interest.hidden=[64,-3]", "seed=x",
                "evaluation.metrics[0]=ndcg"))
                .containsExactly(
                        "seed: expected an integer (was 'x')",
                        "interest.epochs: expected an integer (was 'abc')",
                        "interest.hidden[1]: must be > 0 (was -3)",
                        "evaluation.metrics[0]: " + metricMessage("ndcg"));
    }

    @Test
    void whatServingNeedsFromOtherSectionsIsCheckedBeforeTraining() throws IOException {
        assertThat(problems("""
                interest: {type: ease}
                recommend: {recall: {history: 100, embedding: 50}, diversity: 0.3}
                """)).containsExactly(
                "recommend.diversity: needs a similarity section",
                "recommend.recall.history: needs a similarity section",
                "recommend.recall.embedding: needs item embeddings, and interest model 'ease' learns no item embeddings");
        assertThat(validate("""
                interest: {type: bpr}
                recommend: {recall: {embedding: 50}}
                """).recommend().recall()).containsEntry("embedding", 50);
    }

    @Test
    void theEmbeddingRecallIndexIsConfiguredAndCheckedUnderRecommend() throws IOException {
        assertThat(validate("interest: {type: bpr}\n").recommend().index()).isEqualTo(IndexSettings.defaults());
        assertThat(validate("""
                interest: {type: bpr}
                recommend: {recall: {embedding: 50}, index: hnsw, hnsw: {m: 8, beam-width: 64, ef-search: 200, seed: 3}}
                """).recommend().index()).isEqualTo(new IndexSettings("hnsw", 8, 64, 200, 3));
        assertThat(problems("""
                interest: {type: bpr}
                recommend: {index: hnws, hnsw: {m: 1, beam-width: 0, ef-search: 0, width: 3}}
                """)).containsExactly(
                "recommend.index: must be one of [auto, exact, hnsw] (was 'hnws'); did you mean 'hnsw'?",
                "recommend.hnsw.m: must be >= 2 (was 1)",
                "recommend.hnsw.beam-width: must be >= 1 (was 0)",
                "recommend.hnsw.ef-search: must be >= 1 (was 0)",
                "recommend.hnsw.width: unknown key; valid keys are [beam-width, ef-search, m, seed]");
    }

    @Test
    void theSearchSpaceIsCheckedWithTheRestOfTheConfig() throws IOException {
        assertThat(problems("""
                interest: {type: ease}
                optimizer: {type: tpe, space: {interest.factors: {int: [8, 64]}}}
                """)).containsExactly("optimizer.space.interest.factors: no such config path: 'interest.factors'");
        RunConfig config = validate("""
                interest: {type: ease}
                optimizer: {type: tpe, space: {interest.lambda: {log-float: [1, 1000]}}}
                """);
        assertThat(config.searchSpace().orElseThrow().parameters()).extracting(p -> p.path())
                .containsExactly("interest.lambda");
    }

    private List<String> blendProblems(String yaml) {
        try {
            RunConfigValidator.validate(loader.parse(yaml, dir.resolve("blend.yaml"), List.of()), StubFactories.withBlend());
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void nestedInterestModelsAreBoundLikeTopLevelOnesWithTheirOwnPaths() {
        assertThat(blendProblems("interest: {type: blend, base: [{type: ease, lambda: -1}, {type: mpl}]}\n"))
                .containsExactly("interest.base[0].lambda: must be > 0 (was -1)",
                        "interest.base[1].type: unknown interest model 'mpl'; did you mean 'mlp'? available: "
                                + "[blend, bpr, ease, item-knn, mlp, popularity]");
        assertThat(blendProblems("interest: {type: blend, base: []}\n")).containsExactly(
                "interest.base: must name at least one interest model, e.g. [{type: ease}]");
        assertThat(blendProblems("interest: {type: blend, base: [{type: ease}, {type: item-knn}]}\n")).containsExactly(
                "similarity: required by interest model 'item-knn' (interest.base[1])");
        RunConfig config = RunConfigValidator.validate(loader.parse(
                "interest: {type: blend, base: [{type: ease}, {type: bpr, factors: 8}]}\n", dir.resolve("blend.yaml"),
                List.of()), StubFactories.withBlend());
        var base = config.interest().settings(StubFactories.BlendSettings.class).base();
        assertThat(base).extracting(InterestModelSection::path).containsExactly("interest.base[0]", "interest.base[1]");
        assertThat(base).extracting(InterestModelSection::type).containsExactly("ease", "bpr");
        assertThat(config.interest().effective().get("base").toString())
                .isEqualTo("[{type=ease, lambda=500.0}, {type=bpr, factors=8}]");
    }

    @Test
    void interpolatedStringsAreReadAsTheDeclaredType() throws IOException {
        RunConfig config = validate("interest: {type: mlp, epochs: '${env:EPOCHS}'}\n");
        assertThat(config.interest().settings(StubFactories.MlpSettings.class).epochs()).isEqualTo(12);
    }

    @Test
    void anInterestModelThatNeedsSimilarityRequiresTheSection() {
        assertThatThrownBy(() -> RunConfigValidator.validate(RawConfig.fromMap(Map.of("interest", Map.of("type", "item-knn"))), registry))
                .isInstanceOf(ConfigException.class)
                .hasMessage("similarity: required by interest model 'item-knn'");
    }

    @Test
    void factoryCrossChecksRunOnlyOnACleanSectionAndArePrefixed() throws IOException {
        assertThat(problems("interest: {type: mlp, loss: {click: 0, rating: 0}}\n"))
                .containsExactly("interest.loss: at least one of click and rating must be > 0");
        assertThat(problems("interest: {type: mlp, epochs: 0, loss: {click: 0, rating: 0}}\n"))
                .containsExactly("interest.epochs: must be >= 1 (was 0)");
    }

    @Test
    void sectionsOfTheWrongShapeAreNamed() throws IOException {
        assertThat(problems("""
                seed: 1.5
                threads: 0
                data: movielens
                split: {ratios: [0.8, 0.2]}
                interest: {type: 5}
                features: {user: {type: numeric}, item: [numeric]}
                plugins: {dirs: plugins}
                """)).containsExactly(
                "seed: expected an integer (was 1.5)",
                "threads: must be >= 1 (was 0)",
                "data: expected a mapping (was 'movielens')",
                "plugins.dirs: expected a list of strings (was 'plugins')",
                "split.type: required; available splitters: [ratio]",
                "features.user: expected a list of feature extractors (was a mapping)",
                "features.item[0]: expected a mapping with 'type' (was 'numeric')",
                "interest.type: expected a name (was 5); available interest models: [bpr, ease, item-knn, mlp, popularity]");
    }

    @Test
    void theOptimizerSectionAcceptsStudyKeysBesideItsPluginSchema() throws IOException {
        assertThat(problems("""
                optimizer: {type: tpe, trials: 0, metric: ndgc@10, direction: up, parallel: 2, timeout: 0, space: [a], strtup: 3}
                """)).containsExactly(
                "optimizer.trials: must be >= 1 (was 0)",
                "optimizer.direction: must be one of [maximize, minimize] (was 'up')",
                "optimizer.timeout: must be > 0 (was 0)",
                "optimizer.space: expected a mapping (was a list of 1)",
                "optimizer.strtup: unknown key; did you mean 'startup'?",
                "optimizer.metric: " + metricMessage("ndgc@10"));
    }

    @Test
    void aMissingSectionWhoseDefaultIsNotInstalledSaysSo() {
        PluginRegistry onlyCsv = PluginRegistry.of(List.of(new PluginInfo(new dev.m6rec.api.Plugin() {
            @Override
            public String name() {
                return "csv-only";
            }

            @Override
            public List<dev.m6rec.api.dataset.DatasetLoaderFactory<?>> datasetLoaders() {
                return StubFactories.plugin().datasetLoaders().subList(1, 2);
            }
        }, "csv-only", "1", "classpath")));
        assertThatThrownBy(() -> RunConfigValidator.validate(RawConfig.fromMap(Map.of()), onlyCsv))
                .isInstanceOf(ConfigException.class)
                .hasMessage("3 configuration problems:\n"
                        + "  data: not given, and the default dataset loader 'synthetic' is not installed; available: [csv]\n"
                        + "  split: not given, and the default splitter 'ratio' is not installed; available: []\n"
                        + "  interest: not given, and the default interest model 'popularity' is not installed; available: []");
    }
}
