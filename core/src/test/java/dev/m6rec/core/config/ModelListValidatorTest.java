package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelListValidatorTest {
    private final PluginRegistry registry = StubFactories.registry();
    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get, name -> null);

    @TempDir
    Path dir;

    private RunConfig validate(String yaml) throws IOException {
        Path file = dir.resolve("compare.yaml");
        Files.writeString(file, yaml);
        return RunConfigValidator.validate(loader.read(file, List.of()), registry);
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            validate(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void eachEntryBecomesTheWholeConfigWithItsModelUnderInterest() throws IOException {
        RunConfig config = validate("""
                seed: 7
                similarity: {type: cosine}
                models:
                  - {name: pop, interest: {type: popularity}}
                  - {interest: {type: mlp, epochs: 3}}
                  - {name: knn, interest: {type: item-knn}}
                """);
        assertThat(config.comparesModels()).isTrue();
        assertThat(config.models()).extracting(ModelVariant::name).containsExactly("pop", "mlp", "knn");
        RunConfig mlp = config.models().get(1).config();
        assertThat(mlp.comparesModels()).isFalse();
        assertThat(mlp.seed()).isEqualTo(7);
        assertThat(mlp.similarity()).isPresent();
        // The same path as a config with this one interest: section, so seeds and artifacts are the same.
        assertThat(mlp.interest().path()).isEqualTo("interest");
        assertThat(mlp.interest().settings(StubFactories.MlpSettings.class).epochs()).isEqualTo(3);
        assertThat(mlp.resolved()).doesNotContainKey("models").containsKey("interest");
        // What reads config.interest() (and the shared sections) sees the first model.
        assertThat(config.interest().type()).isEqualTo("popularity");
        assertThat(config.resolved()).containsKey("models");
    }

    @Test
    void aConfigWithOneInterestComparesNothing() throws IOException {
        RunConfig config = validate("interest: {type: popularity}\n");
        assertThat(config.comparesModels()).isFalse();
        assertThat(config.models()).isEmpty();
    }

    @Test
    void entryProblemsAreReportedAtTheEntrysKeyPath() throws IOException {
        assertThat(problems("""
                models:
                  - {name: a, interest: {type: mlp, epochs: 0}}
                  - {name: b, interest: {type: mlpp}}
                  - {name: c, intrest: {type: mlp}}
                  - {name: d, interest: {type: mlp}, seed: 3}
                  - {name: a, interest: {type: popularity}}
                """)).contains(
                "models[0].interest.epochs: must be >= 1 (was 0)",
                "models[2].intrest: unknown key; did you mean 'interest'?",
                "models[2].interest: required: the model, {type: ...}",
                "models[3].seed: unknown key; valid keys are [interest, name]",
                "models[4].name: 'a' is already the name of models[0]; give each model its own name")
                .anySatisfy(p -> assertThat(p).startsWith("models[1].interest.type: unknown interest model 'mlpp'"));
    }

    @Test
    void aSharedSectionsProblemIsReportedOnceNotOncePerModel() throws IOException {
        List<String> problems = problems("""
                evaluation: {metrics: [ndcg@0]}
                models: [{name: a, interest: {type: popularity}}, {name: b, interest: {type: mlp}}]
                """);
        assertThat(problems.stream().filter(p -> p.startsWith("evaluation.metrics[0]:"))).hasSize(1);
    }

    @Test
    void interestAndModelsTogetherOrWithAStudyAreRefused() throws IOException {
        assertThat(problems("""
                interest: {type: popularity}
                models: [{interest: {type: mlp}}, {name: b, interest: {type: ease}}]
                """)).contains("models: give either 'interest' (one model) or 'models' (several), not both; to change"
                + " one model of the list, set models[0].interest.<key> and so on (models[0] is 'mlp', models[1] is 'b')");
        assertThat(problems("""
                optimizer: {type: random, space: {interest.epochs: {int: [1, 3]}}}
                models: [{interest: {type: mlp}}]
                """)).contains("models: a study tunes one model: 'optimizer' needs 'interest', not 'models'");
    }

    @Test
    void malformedListsAndNamesAreRefused() throws IOException {
        assertThat(problems("models: []\n")).containsExactly(
                "models: must name at least one model, e.g. [{name: ease, interest: {type: ease}}]");
        assertThat(problems("models: {interest: {type: popularity}}\n")).singleElement().asString()
                .startsWith("models: expected a list of {name: ..., interest: {type: ...}} (was ");
        assertThat(problems("models: [popularity]\n")).containsExactly(
                "models[0]: expected {name: ..., interest: {type: ...}} (was 'popularity')");
        assertThat(problems("models: [{name: 'a/b', interest: {type: popularity}}]\n")).containsExactly(
                "models[0].name: expected a name of letters, digits, '.', '_' or '-', at most 64 (was 'a/b')");
        assertThat(problems("models: [{name: metrics.json, interest: {type: popularity}}]\n")).containsExactly(
                "models[0].name: 'metrics.json' is a file of the run's own output; choose another name");
    }

    @Test
    void aModelThatNeedsTheSimilaritySaysSoWithoutOne() throws IOException {
        assertThat(problems("models: [{name: knn, interest: {type: item-knn}}]\n"))
                .contains("similarity: required by interest model 'item-knn'");
    }
}
