package dev.m6rec.plugins.tuning;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.StrategyOptimizerFactory;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Test fixtures: optimisers made through their factories and core's test kit, and small problems. */
final class Optimizers {

    private Optimizers() {
    }

    static StrategyOptimizerFactory<?> factory(String name) {
        return new TuningPlugin().strategyOptimizers().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** The optimiser of a valid {@code optimizer:} section, bound as a run binds it. */
    static StrategyOptimizer create(String name, Map<String, Object> section, long seed) {
        return Sections.create(factory(name), "optimizer", section, new RecordingPluginContext(seed, "optimizer"));
    }

    static StrategyOptimizer started(String name, Map<String, Object> section, long seed, SearchSpace space) {
        StrategyOptimizer optimizer = create(name, section, seed);
        optimizer.start(space, Direction.MINIMIZE);
        return optimizer;
    }

    /** Two floats, a log-float, an int, a choice and a float active only for one choice. */
    static SearchSpace mixedSpace() {
        return new SearchSpace(List.of(
                SearchParameter.numeric("x", ParameterKind.FLOAT, -5, 5),
                SearchParameter.numeric("y", ParameterKind.FLOAT, -5, 5),
                SearchParameter.numeric("lr", ParameterKind.LOG_FLOAT, 1e-4, 1),
                SearchParameter.numeric("units", ParameterKind.INT, 1, 50),
                SearchParameter.choice("kernel", List.of("linear", "rbf", "poly")),
                SearchParameter.numeric("gamma", ParameterKind.FLOAT, 0, 1).when("kernel", List.of("rbf"))));
    }

    /** Minimum 0 at x=1.3, y=-2.1, lr=10^-2.7, units=17, kernel=rbf, gamma=0.3. */
    static double mixedLoss(Map<String, Object> p) {
        double x = ((Double) p.get("x")) - 1.3;
        double y = ((Double) p.get("y")) + 2.1;
        double lr = Math.log10((Double) p.get("lr")) + 2.7;
        double units = (((Long) p.get("units")) - 17) / 10.0;
        double loss = x * x + y * y + lr * lr + units * units;
        switch ((String) p.get("kernel")) {
            case "linear" -> loss += 1.0;
            case "poly" -> loss += 0.5;
            default -> {
                double g = (Double) p.get("gamma") - 0.3;
                loss += 4 * g * g;
            }
        }
        return loss;
    }

    /** Runs {@code trials} sequential ask/tell rounds and returns the trials in order. */
    static List<Trial> run(StrategyOptimizer optimizer, int trials, ToDoubleFunction<Map<String, Object>> loss) {
        List<Trial> out = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Trial trial = optimizer.ask(t);
            optimizer.tell(trial, TrialResult.complete(loss.applyAsDouble(trial.params())));
            out.add(trial);
        }
        return out;
    }

    static double best(List<Trial> trials, ToDoubleFunction<Map<String, Object>> loss) {
        return trials.stream().mapToDouble(t -> loss.applyAsDouble(t.params())).min().orElseThrow();
    }
}
