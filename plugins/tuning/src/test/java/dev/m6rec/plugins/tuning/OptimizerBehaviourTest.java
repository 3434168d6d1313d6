package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every optimiser promises: seeded, condition-respecting, tolerant of failures, replayable, parallel-safe. */
class OptimizerBehaviourTest {
    private static final SearchSpace SPACE = Optimizers.mixedSpace();
    /** Small settings so that every optimiser leaves its random start-up within the test's trials. */
    private static final Map<String, Map<String, Object>> QUICK = Map.of(
            "random", Map.of(), "grid", Map.of("points", 3), "bayesian", Map.of("startup-trials", 5, "candidates", 200),
            "tpe", Map.of("startup-trials", 5), "genetic", Map.of("population", 6));

    private static StrategyOptimizer started(String name, long seed) {
        return Optimizers.started(name, QUICK.get(name), seed, SPACE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void sameSeedGivesTheSameTrials(String name) {
        List<Trial> first = Optimizers.run(started(name, 11), 20, Optimizers::mixedLoss);
        List<Trial> second = Optimizers.run(started(name, 11), 20, Optimizers::mixedLoss);

        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "bayesian", "tpe", "genetic"})
    void differentSeedsGiveDifferentTrials(String name) {
        List<Trial> first = Optimizers.run(started(name, 11), 12, Optimizers::mixedLoss);
        List<Trial> second = Optimizers.run(started(name, 12), 12, Optimizers::mixedLoss);

        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void proposesOnlyValidValuesAndRespectsConditions(String name) {
        for (Trial trial : Optimizers.run(started(name, 3), 30, Optimizers::mixedLoss)) {
            Map<String, Object> p = trial.params();
            assertThat(p.get("x")).isInstanceOf(Double.class);
            assertThat((Double) p.get("x")).isBetween(-5.0, 5.0);
            assertThat((Double) p.get("lr")).isBetween(1e-4, 1.0);
            assertThat(p.get("units")).isInstanceOf(Long.class);
            assertThat((Long) p.get("units")).isBetween(1L, 50L);
            assertThat(p.get("kernel")).isIn("linear", "rbf", "poly");
            assertThat(p.containsKey("gamma")).as("gamma present iff kernel is rbf: %s", p)
                    .isEqualTo(p.get("kernel").equals("rbf"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void goesOnAfterFailedNaNInfiniteAndPrunedTrials(String name) {
        StrategyOptimizer optimizer = started(name, 5);
        Set<Map<String, Object>> seen = new HashSet<>();
        for (int t = 0; t < 30; t++) {
            Trial trial = optimizer.ask(t);
            seen.add(trial.params());
            TrialResult result = switch (t % 5) {
                case 0 -> TrialResult.failed();
                case 1 -> TrialResult.complete(Double.NaN);
                case 2 -> TrialResult.complete(Double.POSITIVE_INFINITY);
                case 3 -> TrialResult.pruned(Double.NaN);
                default -> TrialResult.complete(Optimizers.mixedLoss(trial.params()));
            };
            optimizer.tell(trial, result);
        }
        assertThat(seen).hasSize(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void allTrialsFailingIsNotAnError(String name) {
        StrategyOptimizer optimizer = started(name, 5);
        for (int t = 0; t < 15; t++) {
            optimizer.tell(optimizer.ask(t), TrialResult.failed());
        }
        assertThat(optimizer.ask(15).params()).containsKeys("x", "y", "lr", "units", "kernel");
    }

    /**
     * A study resumed from its journal tells the finished trials to a fresh optimiser (which never
     * asked them) and asks on: it must propose what the uninterrupted study proposed.
     */
    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "tpe", "genetic"})
    void resumesFromReplayedTellsExactlyAsIfUninterrupted(String name) {
        List<Trial> uninterrupted = Optimizers.run(started(name, 21), 24, Optimizers::mixedLoss);

        StrategyOptimizer resumed = started(name, 21);
        for (Trial trial : uninterrupted.subList(0, 12)) {
            resumed.tell(trial, TrialResult.complete(Optimizers.mixedLoss(trial.params())));
        }
        List<Trial> continued = new ArrayList<>();
        for (int t = 12; t < 24; t++) {
            Trial trial = resumed.ask(t);
            resumed.tell(trial, TrialResult.complete(Optimizers.mixedLoss(trial.params())));
            continued.add(trial);
        }

        assertThat(continued).isEqualTo(uninterrupted.subList(12, 24));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bayesian", "tpe", "genetic"})
    void learnsFromReplayedTrialsItNeverAsked(String name) {
        StrategyOptimizer source = Optimizers.started("random", Map.of(), 99, SPACE);
        StrategyOptimizer replayed = started(name, 21);
        for (int t = 0; t < 20; t++) {
            Trial trial = source.ask(1000 + t);
            replayed.tell(trial, TrialResult.complete(Optimizers.mixedLoss(trial.params())));
        }

        // Past its start-up, a model-based optimiser no longer proposes what a fresh one would.
        assertThat(replayed.ask(20)).isNotEqualTo(started(name, 21).ask(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void pendingAsksAreDistinct(String name) {
        StrategyOptimizer optimizer = started(name, 8);
        Optimizers.run(optimizer, 12, Optimizers::mixedLoss);
        Set<Map<String, Object>> pending = new HashSet<>();
        for (int t = 12; t < 20; t++) {
            pending.add(optimizer.ask(t).params());
        }
        assertThat(pending).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "grid", "bayesian", "tpe", "genetic"})
    void mustBeStartedOnce(String name) {
        StrategyOptimizer optimizer = Optimizers.create(name, QUICK.get(name), 1);
        assertThatThrownBy(() -> optimizer.ask(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("start() must be called before ask() or tell()");
        optimizer.start(SPACE, Direction.MAXIMIZE);
        assertThatThrownBy(() -> optimizer.start(SPACE, Direction.MAXIMIZE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("start() was already called");
    }
}
