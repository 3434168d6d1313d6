package dev.m6rec.api.optimize;

/**
 * Ask/tell search over a {@link SearchSpace}: the study asks for trials (several may be pending
 * at once when trials run in parallel), runs them, and tells the results back. An optimizer must
 * also accept {@code tell} for trials it never issued: that is how a study resumed from its
 * journal replays finished trials. All randomness comes from the seeded context.
 *
 * <pre>{@code
 * optimizer: { type: tpe, trials: 30, metric: ndcg@10, space: { interest.hidden[0]: { int: [32, 256] } } }
 *
 * optimizer.start(space, Direction.MAXIMIZE);
 * Trial t = optimizer.ask(0);                       // trial numbers count from 0
 * optimizer.tell(t, TrialResult.complete(runPipeline(t.params())));
 * }</pre>
 */
public interface StrategyOptimizer {

    /** Called once before the first ask or tell. */
    void start(SearchSpace space, Direction direction);

    /** Proposes the next trial; {@code number} is assigned by the caller's study. */
    Trial ask(int number);

    void tell(Trial trial, TrialResult result);
}
