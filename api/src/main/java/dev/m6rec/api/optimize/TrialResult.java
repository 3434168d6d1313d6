package dev.m6rec.api.optimize;

/**
 * How a trial ended: its metric value when it completed, or that it failed (threw, returned
 * NaN) or was pruned. Failed and pruned trials carry NaN unless pruned at an intermediate value.
 */
public record TrialResult(State state, double value) {

    public enum State { COMPLETE, FAILED, PRUNED }

    public static TrialResult complete(double value) {
        return Double.isNaN(value) ? failed() : new TrialResult(State.COMPLETE, value);
    }

    public static TrialResult failed() {
        return new TrialResult(State.FAILED, Double.NaN);
    }

    public static TrialResult pruned(double lastValue) {
        return new TrialResult(State.PRUNED, lastValue);
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }
}
