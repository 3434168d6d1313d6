package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private static List<Map<String, Object>> asks(StrategyOptimizer grid, int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            out.add(grid.ask(t).params());
        }
        return out;
    }

    @Test
    void walksTheProductLastParameterFastest() {
        SearchSpace space = new SearchSpace(List.of(
                SearchParameter.numeric("x", ParameterKind.FLOAT, 0, 1),
                SearchParameter.choice("c", List.of("a", "b"))));
        StrategyOptimizer grid = Optimizers.started("grid", Map.of("points", 3), 1, space);

        assertThat(asks(grid, 6)).containsExactly(
                Map.of("x", 0.0, "c", "a"), Map.of("x", 0.0, "c", "b"),
                Map.of("x", 0.5, "c", "a"), Map.of("x", 0.5, "c", "b"),
                Map.of("x", 1.0, "c", "a"), Map.of("x", 1.0, "c", "b"));
    }

    @Test
    void spacesLogKindsEvenlyInLogSpaceAndDeduplicatesIntegers() {
        SearchSpace space = new SearchSpace(List.of(
                SearchParameter.numeric("lr", ParameterKind.LOG_FLOAT, 1e-4, 1),
                SearchParameter.numeric("n", ParameterKind.INT, 1, 3)));
        StrategyOptimizer grid = Optimizers.started("grid", Map.of("points", 5), 1, space);

        List<Map<String, Object>> points = asks(grid, 15);

        assertThat(points.stream().map(p -> (Double) p.get("lr")).distinct().toList())
                .satisfiesExactly(
                        v -> assertThat(v).isCloseTo(1e-4, org.assertj.core.data.Percentage.withPercentage(1e-9)),
                        v -> assertThat(v).isCloseTo(1e-3, org.assertj.core.data.Percentage.withPercentage(1e-9)),
                        v -> assertThat(v).isCloseTo(1e-2, org.assertj.core.data.Percentage.withPercentage(1e-9)),
                        v -> assertThat(v).isCloseTo(1e-1, org.assertj.core.data.Percentage.withPercentage(1e-9)),
                        v -> assertThat(v).isEqualTo(1.0));
        // 5 points over [1, 3] round to 1, 2 (twice), 3 (twice): three distinct levels.
        assertThat(points.subList(0, 3)).extracting(p -> p.get("n")).containsExactly(1L, 2L, 3L);
        assertThat(new HashSet<>(points)).hasSize(15);
    }

    @Test
    void visitsConditionalBranchesOnceEach() {
        SearchSpace space = new SearchSpace(List.of(
                SearchParameter.choice("kernel", List.of("linear", "rbf")),
                SearchParameter.numeric("gamma", ParameterKind.FLOAT, 0, 1).when("kernel", List.of("rbf"))));
        StrategyOptimizer grid = Optimizers.started("grid", Map.of("points", 3), 1, space);

        assertThat(asks(grid, 4)).containsExactly(
                Map.of("kernel", "linear"),
                Map.of("kernel", "rbf", "gamma", 0.0),
                Map.of("kernel", "rbf", "gamma", 0.5),
                Map.of("kernel", "rbf", "gamma", 1.0));
    }

    @Test
    void skipsReplayedPointsAndFallsBackToRandomWhenExhausted() {
        SearchSpace space = new SearchSpace(List.of(
                SearchParameter.numeric("n", ParameterKind.INT, 1, 2),
                SearchParameter.numeric("x", ParameterKind.FLOAT, 0, 1)));
        StrategyOptimizer grid = Optimizers.started("grid", Map.of("points", 2), 1, space);
        grid.tell(new Trial(100, Map.of("n", 1, "x", 0.0)), TrialResult.complete(1.0));  // replayed from a journal
        grid.tell(new Trial(101, Map.of("n", 2L, "x", 1.0)), TrialResult.failed());

        List<Map<String, Object>> points = asks(grid, 4);

        assertThat(points.subList(0, 2)).containsExactly(Map.of("n", 1L, "x", 1.0), Map.of("n", 2L, "x", 0.0));
        // The grid is exhausted: random points that are not grid points.
        assertThat(points.subList(2, 4)).allSatisfy(p -> assertThat((Double) p.get("x")).isStrictlyBetween(0.0, 1.0));
    }
}
