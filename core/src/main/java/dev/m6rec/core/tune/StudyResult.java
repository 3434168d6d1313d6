package dev.m6rec.core.tune;

import dev.m6rec.api.optimize.Direction;
import java.util.List;
import java.util.Optional;

/** Every trial of a study (journal order) and the best completed one, if any completed. */
public record StudyResult(String metric, Direction direction, List<TrialRecord> trials, Optional<TrialRecord> best) {
    public StudyResult {
        trials = List.copyOf(trials);
    }

    /** The best value after each trial, in trial-number order: the convergence curve. */
    public double[] bestSoFar() {
        List<TrialRecord> ordered = trials.stream().sorted(java.util.Comparator.comparingInt(TrialRecord::number)).toList();
        double[] curve = new double[ordered.size()];
        double best = Double.NaN;
        for (int i = 0; i < curve.length; i++) {
            TrialRecord t = ordered.get(i);
            if (t.result().isComplete() && direction.better(t.value(), best)) {
                best = t.value();
            }
            curve[i] = best;
        }
        return curve;
    }
}
