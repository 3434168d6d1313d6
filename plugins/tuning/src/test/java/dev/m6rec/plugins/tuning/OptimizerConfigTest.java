package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizerConfigTest {

    private static List<String> problems(String name, Map<String, Object> section) {
        return Sections.problems(Optimizers.factory(name), "optimizer", section);
    }

    @Test
    void defaults() {
        assertThat(Sections.bind(new RandomSearchFactory(), "optimizer", Map.of())).isEqualTo(new NoSettings());
        assertThat(new RandomSearchFactory().schema().params()).isEmpty();
        assertThat(Sections.bind(new GridSearchFactory(), "optimizer", Map.of()))
                .isEqualTo(new GridSearchFactory.Settings(5));
        assertThat(Sections.bind(new BayesianOptimizerFactory(), "optimizer", Map.of()))
                .isEqualTo(new BayesianOptimizerFactory.Settings(10, 500));
        assertThat(Sections.bind(new TpeOptimizerFactory(), "optimizer", Map.of()))
                .isEqualTo(new TpeOptimizerFactory.Settings(10, 24, 0.1, 1.0, true));
        assertThat(Sections.bind(new GeneticOptimizerFactory(), "optimizer", Map.of()))
                .isEqualTo(new GeneticOptimizerFactory.Settings(10, 2, 3, 0.9, 0.2));
    }

    @Test
    void keysAreTheKebabCaseOfTheSettingsComponents() {
        assertThat(new TpeOptimizerFactory().schema().params()).extracting(ParamSpec::key)
                .containsExactly("startup-trials", "candidates", "gamma", "prior-weight", "multivariate");
        assertThat(new GeneticOptimizerFactory().schema().params()).extracting(ParamSpec::key)
                .containsExactly("population", "elite", "tournament", "crossover-rate", "mutation-rate");
        assertThat(Sections.bind(new TpeOptimizerFactory(), "optimizer",
                Map.of("startup-trials", 3, "prior-weight", 2.5, "multivariate", false)))
                .isEqualTo(new TpeOptimizerFactory.Settings(3, 24, 0.1, 2.5, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "grid     | points         | 1    | optimizer.points: must be >= 2 (was 1)",
            "bayesian | startup-trials | 1    | optimizer.startup-trials: must be >= 2 (was 1)",
            "bayesian | candidates     | 0    | optimizer.candidates: must be >= 1 (was 0)",
            "tpe      | startup-trials | -1   | optimizer.startup-trials: must be >= 0 (was -1)",
            "tpe      | candidates     | 0    | optimizer.candidates: must be >= 1 (was 0)",
            "tpe      | gamma          | 0    | optimizer.gamma: must be > 0 (was 0)",
            "tpe      | gamma          | 1.5  | optimizer.gamma: must be <= 1 (was 1.5)",
            "tpe      | prior-weight   | 0    | optimizer.prior-weight: must be > 0 (was 0)",
            "tpe      | multivariate   | yes  | optimizer.multivariate: expected true or false (was 'yes')",
            "genetic  | population     | 1    | optimizer.population: must be >= 2 (was 1)",
            "genetic  | elite          | -1   | optimizer.elite: must be >= 0 (was -1)",
            "genetic  | tournament     | 0    | optimizer.tournament: must be >= 1 (was 0)",
            "genetic  | crossover-rate | 1.2  | optimizer.crossover-rate: must be <= 1 (was 1.2)",
            "genetic  | mutation-rate  | -0.1 | optimizer.mutation-rate: must be >= 0 (was -0.1)",
    })
    void rejectsOutOfRangeValuesNamingTheKey(String name, String key, String value, String message) {
        assertThat(problems(name, Map.of(key, value))).containsExactly(message);
    }

    @Test
    void rejectsUnknownKeysWithASuggestion() {
        assertThat(problems("genetic", Map.of("populaton", 10)))
                .containsExactly("optimizer.populaton: unknown key; did you mean 'population'?");
        assertThat(problems("random", Map.of("points", 3)))
                .containsExactly("optimizer.points: unknown key; valid keys are [type]");
    }

    @Test
    void geneticEliteMustLeaveRoomForOffspring() {
        assertThat(problems("genetic", Map.of("population", 4, "elite", 4)))
                .containsExactly("optimizer.elite: must be < population 4 (was 4)");
        assertThat(problems("genetic", Map.of("population", 4, "elite", 3))).isEmpty();
    }
}
