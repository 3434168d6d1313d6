package dev.m6rec.core.tune;

import dev.m6rec.api.optimize.Direction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The median stopping rule: a trial is pruned at step s when its intermediate value is worse than
 * the median of the values that completed trials reached at step s. Inactive until
 * {@code startupTrials} trials completed and before step {@code warmupSteps}.
 * <p>
 * Serializable so that a trial run away from the study (a Spark task) can take a {@link #snapshot}
 * with it: such a trial is pruned against the trials completed before it started, not those
 * completing while it runs.
 */
public final class MedianPruner implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Direction direction;
    private final int startupTrials;
    private final int warmupSteps;
    private final List<double[]> completed = new ArrayList<>();

    public MedianPruner(Direction direction, int startupTrials, int warmupSteps) {
        this.direction = direction;
        this.startupTrials = startupTrials;
        this.warmupSteps = warmupSteps;
    }

    public synchronized void completed(List<Double> intermediate) {
        if (!intermediate.isEmpty()) {
            completed.add(intermediate.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** An independent copy of the rule and of the curves completed so far. */
    public synchronized MedianPruner snapshot() {
        MedianPruner copy = new MedianPruner(direction, startupTrials, warmupSteps);
        completed.forEach(c -> copy.completed.add(c.clone()));
        return copy;
    }

    public synchronized boolean shouldPrune(int step, double value) {
        if (completed.size() < startupTrials || step < warmupSteps || Double.isNaN(value)) {
            return false;
        }
        double[] atStep = completed.stream().filter(c -> c.length > step).mapToDouble(c -> c[step]).toArray();
        if (atStep.length == 0) {
            return false;
        }
        Arrays.sort(atStep);
        int n = atStep.length;
        double median = n % 2 == 1 ? atStep[n / 2] : (atStep[n / 2 - 1] + atStep[n / 2]) / 2;
        return direction.better(median, value);
    }
}
