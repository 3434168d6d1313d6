package dev.m6rec.plugins.tuning;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an optimiser has been told, as coordinate rows of a {@link UnitSpace}: completed trials
 * with their loss (the metric, negated when maximising, so that every model here minimises),
 * pruned trials, a count of failed ones, and the trials asked for but not yet told. Tells are
 * taken from the trial's own parameters, never from what was asked, so trials replayed from a
 * journal count exactly like those this optimiser proposed.
 */
final class TrialHistory {
    private final UnitSpace space;
    private final Direction direction;
    private final List<double[]> completeRows = new ArrayList<>();
    private double[] completeLosses = new double[16];
    private final List<double[]> prunedRows = new ArrayList<>();
    private final List<Double> prunedLosses = new ArrayList<>();
    private final Map<Integer, double[]> pending = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private int failed;

    TrialHistory(UnitSpace space, Direction direction) {
        this.space = requireNonNull(space, "space is null");
        this.direction = requireNonNull(direction, "direction is null");
    }

    /** Records an asked trial as running. */
    void asked(int number, double[] row) {
        pending.put(number, row);
        seen.add(space.key(row));
    }

    /**
     * Records a finished trial. A completed trial whose value is not finite counts as failed: no
     * model here can learn from an infinite loss.
     */
    void told(Trial trial, TrialResult result) {
        requireNonNull(trial, "trial is null");
        requireNonNull(result, "result is null");
        pending.remove(trial.number());
        double[] row = space.encode(trial.params());
        seen.add(space.key(row));
        double loss = direction == Direction.MAXIMIZE ? -result.value() : result.value();
        if (result.state() == TrialResult.State.COMPLETE && Double.isFinite(loss)) {
            if (completeRows.size() == completeLosses.length) {
                completeLosses = Arrays.copyOf(completeLosses, completeLosses.length * 2);
            }
            completeLosses[completeRows.size()] = loss;
            completeRows.add(row);
        } else if (result.state() == TrialResult.State.PRUNED) {
            prunedRows.add(row);
            prunedLosses.add(Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss);
        } else {
            failed++;
        }
    }

    /** Completed trials with a finite value, in the order they were told. */
    int completeCount() {
        return completeRows.size();
    }

    double[] completeRow(int k) {
        return completeRows.get(k);
    }

    double completeLoss(int k) {
        return completeLosses[k];
    }

    int prunedCount() {
        return prunedRows.size();
    }

    double[] prunedRow(int k) {
        return prunedRows.get(k);
    }

    /** The last value a pruned trial reported, as a loss; +infinity when it reported none. */
    double prunedLoss(int k) {
        return prunedLosses.get(k);
    }

    int failedCount() {
        return failed;
    }

    /** Rows asked for and not yet told, in asking order. */
    List<double[]> pendingRows() {
        return List.copyOf(pending.values());
    }

    /** Whether a trial decoding to the same parameters was asked for or told already. */
    boolean seen(double[] row) {
        return seen.contains(space.key(row));
    }

    /** Indices of completed trials ordered from the lowest loss; ties keep telling order. */
    int[] rankByLoss() {
        int n = completeRows.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(completeLosses[a], completeLosses[b]));
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = order[k];
        }
        return out;
    }
}
