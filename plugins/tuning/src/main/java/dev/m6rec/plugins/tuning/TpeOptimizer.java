package dev.m6rec.plugins.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The tree-structured Parzen estimator (Bergstra et al. 2011), close to Optuna's TPESampler:
 * after {@code startupTrials} uniform trials, the finished trials are split into the best
 * {@code min(ceil(gamma n), 25)} and the rest, a {@link ParzenEstimator} is fitted to each
 * ({@code l} and {@code g}; older trials weigh less once there are more than 25), {@code candidates}
 * points are drawn from {@code l} and the one with the highest {@code l / g} is proposed.
 *
 * <p>With {@code multivariate} the unconditional numeric parameters are modelled jointly (one
 * product kernel per trial, as Optuna's {@code multivariate=True}), which captures interactions.
 * Choices and conditional parameters are then chosen one at a time by a one-parameter TPE over
 * the trials where they were active, in space order, so a parent is decided before its children.
 * (Choices are kept out of the joint model on purpose: inside it, a choice locked onto whatever
 * value the first good trials had and never left it on the bench's mixed space.)
 *
 * <p>Pruned trials rank below completed ones; trials still running count among the worst
 * ("constant liar"), so parallel asks spread out. Failed trials are ignored.
 */
final class TpeOptimizer extends AskTellOptimizer {
    private static final int MAX_BELOW = 25;
    private static final int FLAT_WEIGHTS = 25;

    private final int startupTrials;
    private final int candidates;
    private final double gamma;
    private final double priorWeight;
    private final boolean multivariate;

    TpeOptimizer(long seed, int startupTrials, int candidates, double gamma, double priorWeight, boolean multivariate) {
        super(seed);
        if (startupTrials < 0 || candidates < 1 || !(gamma > 0 && gamma <= 1) || !(priorWeight > 0)) {
            throw new IllegalArgumentException("invalid TPE settings: startupTrials " + startupTrials + ", candidates "
                    + candidates + ", gamma " + gamma + ", priorWeight " + priorWeight);
        }
        this.startupTrials = startupTrials;
        this.candidates = candidates;
        this.gamma = gamma;
        this.priorWeight = priorWeight;
        this.multivariate = multivariate;
    }

    @Override
    double[] propose(int number, RandomGenerator rng) {
        TrialHistory history = history();
        if (history.completeCount() + history.prunedCount() < startupTrials) {
            return uniqueRandomRow(rng);
        }
        List<double[]> below = new ArrayList<>();
        List<double[]> above = new ArrayList<>();
        split(history, below, above);
        UnitSpace space = space();
        double[] row = new double[space.size()];
        Arrays.fill(row, Double.NaN);
        int[] joint = IntStream.range(0, space.size()).filter(i -> space.parent(i) < 0 && !space.isChoice(i)).toArray();
        if (multivariate && joint.length > 0) {
            choose(joint, below, above, row, rng);
        }
        for (int i = 0; i < space.size(); i++) {
            if (Double.isNaN(row[i]) && space.isActive(i, row)) {
                choose(new int[] {i}, below, above, row, rng);
            }
        }
        if (history.seen(row)) {
            return uniqueRandomRow(rng);
        }
        return row;
    }

    /**
     * Ranks completed trials by loss, then pruned ones by their last loss, then running ones; the
     * first {@code min(ceil(gamma n), 25)} are "below". Both groups keep telling order, which the
     * weights use.
     */
    private void split(TrialHistory history, List<double[]> below, List<double[]> above) {
        int complete = history.completeCount();
        int pruned = history.prunedCount();
        List<double[]> pending = history.pendingRows();
        int n = complete + pruned + pending.size();
        int belowCount = Math.min((int) Math.ceil(gamma * n), MAX_BELOW);
        boolean[] isBelow = new boolean[complete + pruned];
        int[] ranked = history.rankByLoss();
        int taken = 0;
        for (int k = 0; k < ranked.length && taken < belowCount; k++, taken++) {
            isBelow[ranked[k]] = true;
        }
        if (taken < belowCount) {
            Integer[] order = IntStream.range(0, pruned).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(history.prunedLoss(a), history.prunedLoss(b)));
            for (int k = 0; k < order.length && taken < belowCount; k++, taken++) {
                isBelow[complete + order[k]] = true;
            }
        }
        for (int k = 0; k < complete + pruned; k++) {
            double[] row = k < complete ? history.completeRow(k) : history.prunedRow(k - complete);
            (isBelow[k] ? below : above).add(row);
        }
        above.addAll(pending);
    }

    /** Picks values for {@code params} (whose parents are already in {@code row}) by the l/g ratio. */
    private void choose(int[] params, List<double[]> below, List<double[]> above, double[] row, RandomGenerator rng) {
        List<double[]> l = having(below, params);
        List<double[]> g = having(above, params);
        ParzenEstimator good = new ParzenEstimator(space(), params, l, weights(l.size()), priorWeight);
        ParzenEstimator bad = new ParzenEstimator(space(), params, g, weights(g.size()), priorWeight);
        double[][] drawn = good.sample(candidates, rng);
        double[] lg = good.logScore(drawn);
        double[] gg = bad.logScore(drawn);
        int best = 0;
        for (int c = 1; c < drawn.length; c++) {
            if (lg[c] - gg[c] > lg[best] - gg[best]) {
                best = c;
            }
        }
        for (int i : params) {
            row[i] = drawn[best][i];
        }
    }

    /** The rows where every one of {@code params} has a value. */
    private static List<double[]> having(List<double[]> rows, int[] params) {
        List<double[]> out = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            boolean all = true;
            for (int i : params) {
                all &= !Double.isNaN(row[i]);
            }
            if (all) {
                out.add(row);
            }
        }
        return out;
    }

    /** Optuna's default weights: flat for the newest 25 observations, a linear ramp before them. */
    static double[] weights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        if (n > FLAT_WEIGHTS) {
            int ramp = n - FLAT_WEIGHTS;
            for (int k = 0; k < ramp; k++) {
                w[k] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * k / (ramp - 1);
            }
        }
        return w;
    }
}
