package dev.m6rec.core.tune;

/** Thrown through a model's fit by the validation hook when the pruner stops a trial early. */
public final class TrialPrunedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double lastValue;

    public TrialPrunedException(int step, double lastValue) {
        super("pruned at step " + step + " (value " + lastValue + ")", null, false, false);
        this.lastValue = lastValue;
    }

    public double lastValue() {
        return lastValue;
    }
}
