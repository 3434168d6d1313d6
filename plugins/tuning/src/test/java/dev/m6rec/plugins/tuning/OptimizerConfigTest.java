package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptimizerConfigTest {

    private static List<String> problems(String name, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optimizers.config(name, section, problems);
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void defaults() {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig grid = Optimizers.config("grid", Map.of(), problems);
        ComponentConfig bayesian = Optimizers.config("bayesian", Map.of(), problems);
        ComponentConfig tpe = Optimizers.config("tpe", Map.of(), problems);
        ComponentConfig genetic = Optimizers.config("genetic", Map.of(), problems);

        assertThat(problems).isEmpty();
        assertThat(Optimizers.factory("random").schema().params()).isEmpty();
        assertThat(grid.getInt("points")).isEqualTo(5);
        assertThat(bayesian.getInt("startup-trials")).isEqualTo(10);
        assertThat(bayesian.getInt("candidates")).isEqualTo(500);
        assertThat(tpe.getInt("startup-trials")).isEqualTo(10);
        assertThat(tpe.getInt("candidates")).isEqualTo(24);
        assertThat(tpe.getDouble("gamma")).isEqualTo(0.1);
        assertThat(tpe.getDouble("prior-weight")).isEqualTo(1.0);
        assertThat(tpe.getBoolean("multivariate")).isTrue();
        assertThat(genetic.getInt("population")).isEqualTo(10);
        assertThat(genetic.getInt("elite")).isEqualTo(2);
        assertThat(genetic.getInt("tournament")).isEqualTo(3);
        assertThat(genetic.getDouble("crossover-rate")).isEqualTo(0.9);
        assertThat(genetic.getDouble("mutation-rate")).isEqualTo(0.2);
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
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = Optimizers.config("genetic", Map.of("population", 4, "elite", 4), problems);

        assertThat(problems).containsExactly(new ConfigProblem("elite", "must be < population 4 (was 4)"));
        assertThat(Optimizers.factory("genetic").validate(config)).hasSize(1);
        assertThat(problems("genetic", Map.of("population", 4, "elite", 3))).isEmpty();
    }
}
