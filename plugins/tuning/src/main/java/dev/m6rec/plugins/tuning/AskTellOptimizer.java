package dev.m6rec.plugins.tuning;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.random.RandomGenerator;

/**
 * What the optimisers here share: the space as coordinate rows, the history of tells and running
 * trials, and one seeded stream per trial number. A subclass only proposes the next row. Methods
 * are synchronized because a study running trials in parallel asks and tells from several threads.
 */
abstract class AskTellOptimizer implements StrategyOptimizer {
    /** How often a proposal that repeats a running or finished trial is drawn again. */
    static final int DUPLICATE_RETRIES = 32;

    private final TrialSeeds seeds;
    private UnitSpace space;
    private TrialHistory history;

    AskTellOptimizer(long seed) {
        this.seeds = new TrialSeeds(seed);
    }

    @Override
    public synchronized void start(SearchSpace searchSpace, Direction direction) {
        requireNonNull(searchSpace, "searchSpace is null");
        requireNonNull(direction, "direction is null");
        if (space != null) {
            throw new IllegalStateException("start() was already called");
        }
        space = new UnitSpace(searchSpace);
        history = new TrialHistory(space, direction);
        started(space);
    }

    /** Hook for set-up that needs the space. */
    void started(UnitSpace unitSpace) {
    }

    @Override
    public synchronized Trial ask(int number) {
        checkStarted();
        double[] row = propose(number, seeds.forTrial(number));
        space.deactivate(row);
        history.asked(number, row);
        return new Trial(number, space.decode(row));
    }

    @Override
    public synchronized void tell(Trial trial, TrialResult result) {
        checkStarted();
        history.told(trial, result);
    }

    /** The next row to try (coordinates of inactive parameters are ignored). */
    abstract double[] propose(int number, RandomGenerator rng);

    UnitSpace space() {
        return space;
    }

    TrialHistory history() {
        return history;
    }

    /** A uniform row that repeats no running or finished trial, when such a row is found quickly. */
    double[] uniqueRandomRow(RandomGenerator rng) {
        double[] row = space.sample(rng);
        for (int attempt = 0; attempt < DUPLICATE_RETRIES && history.seen(row); attempt++) {
            row = space.sample(rng);
        }
        return row;
    }

    private void checkStarted() {
        if (space == null) {
            throw new IllegalStateException("start() must be called before ask() or tell()");
        }
    }
}
