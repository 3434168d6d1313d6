package dev.m6rec.core.tune;

import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * How one trial ended, wherever it ran: its state, value, per-epoch validation values, wall time and
 * the error line of a failed trial. Plain data (serializable), so an engine can return it from a task;
 * the study pairs it with the trial's parameters into a {@link TrialRecord}.
 */
public record TrialOutcome(TrialResult.State state, double value, double[] intermediate, double seconds, String error)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialOutcome {
        intermediate = intermediate.clone();
    }

    /** A trial that threw an error a user can cause (bad parameter values, a model refusing them). */
    static TrialOutcome failed(RuntimeException e, double[] intermediate, double seconds) {
        return new TrialOutcome(TrialResult.State.FAILED, Double.NaN, intermediate, seconds,
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** The journal's record of {@code trial} ending this way. */
    public TrialRecord record(Trial trial) {
        List<Double> curve = Arrays.stream(intermediate).boxed().toList();
        return new TrialRecord(trial.number(), trial.params(), state, value, curve, seconds, error);
    }
}
