package dev.m6rec.plugins.tuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimisation with a Gaussian process: after {@code startupTrials} uniform random
 * trials, a Matérn-5/2 process with one length scale per input column is fitted to the completed
 * trials (losses standardised and Yeo-Johnson transformed; hyper-parameters by maximum
 * a-posteriori marginal likelihood, warm-started from the previous fit), and the next trial is
 * the candidate with the highest expected improvement among {@code candidates} uniform random
 * rows, perturbations of the best trials so far, and a few rounds of perturbations of the most
 * promising candidates. Inputs are those of {@link GpInputEncoding}: unit coordinates (log kinds
 * in log space), choices one-hot.
 *
 * <p>Trials still running are folded in with the "constant liar" heuristic: they enter the
 * process as if they had returned the best loss so far, which leaves no expected improvement
 * near them, so parallel asks spread out instead of proposing the same point. Failed and pruned
 * trials are left out of the model. Should the linear algebra still fail after jitter (it has not
 * been seen to), the ask falls back to a random trial rather than stopping the study.
 *
 * <p>Unlike the other optimisers here, a study resumed from its journal does not continue exactly
 * as the uninterrupted one would: the hyper-parameter fit is warm-started from the previous fit,
 * which a resumed study does not have.
 */
final class GaussianProcessOptimizer extends AskTellOptimizer {
    /** The incumbents whose neighbourhoods are searched, and the candidates refined per round. */
    private static final int LOCAL_CENTRES = 5;
    private static final int PERTURBATIONS_PER_CENTRE = 30;
    private static final double[] LOCAL_SCALES = {0.2, 0.05, 0.01};
    private static final double[] REFINE_SCALES = {0.05, 0.02, 0.005};
    private static final int FIT_ITERATIONS = 60;
    private static final int REFIT_EVERY_ASK = 40;

    private final int startupTrials;
    private final int candidates;
    private GpInputEncoding encoding;
    private double[] theta;
    private int fittedOn;

    GaussianProcessOptimizer(long seed, int startupTrials, int candidates) {
        super(seed);
        if (startupTrials < 1) {
            throw new IllegalArgumentException("startupTrials must be >= 1 (was " + startupTrials + ")");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be >= 1 (was " + candidates + ")");
        }
        this.startupTrials = startupTrials;
        this.candidates = candidates;
    }

    @Override
    void started(UnitSpace space) {
        encoding = new GpInputEncoding(space);
    }

    @Override
    double[] propose(int number, RandomGenerator rng) {
        TrialHistory history = history();
        int n = history.completeCount();
        if (n < Math.max(startupTrials, 2)) {
            return uniqueRandomRow(rng);
        }
        int width = encoding.width();
        List<double[]> pending = history.pendingRows();
        int total = n + pending.size();
        double[] x = new double[total * width];
        double[] y = new double[total];
        double[] losses = new double[n];
        for (int k = 0; k < n; k++) {
            losses[k] = history.completeLoss(k);
        }
        double[] targets = YeoJohnsonTransform.apply(losses);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            encoding.encode(history.completeRow(k), x, k * width);
            y[k] = targets[k];
            best = Math.min(best, y[k]);
        }
        for (int k = 0; k < pending.size(); k++) {
            encoding.encode(pending.get(k), x, (n + k) * width);
            y[n + k] = best;
        }
        try {
            fitHyperparameters(x, n, width, y);
            GaussianProcess gp = new GaussianProcess(GpHyperparameters.kernel(theta), GpHyperparameters.noise(theta),
                    x, total, y);
            return maximiseExpectedImprovement(gp, best, rng);
        } catch (ArithmeticException e) {
            return uniqueRandomRow(rng);
        }
    }

    /**
     * Refits the hyper-parameters on the completed trials, warm-started from the last fit. Each fit
     * costs a few dozen O(n^3) factorisations, so past {@link #REFIT_EVERY_ASK} trials it is
     * redone only once the data grew by a twentieth: hyper-parameters move little between
     * neighbouring data sets, and ask() stays cheap with hundreds of finished trials.
     */
    private void fitHyperparameters(double[] x, int n, int width, double[] y) {
        if (theta != null && n > REFIT_EVERY_ASK && n - fittedOn < Math.max(1, n / 20)) {
            return;
        }
        double[] start = theta == null ? GpHyperparameters.initial(width) : theta.clone();
        new MarginalLikelihood(x, n, width, Arrays.copyOf(y, n)).fit(start, FIT_ITERATIONS);
        theta = start;
        fittedOn = n;
    }

    private double[] maximiseExpectedImprovement(GaussianProcess gp, double best, RandomGenerator rng) {
        UnitSpace space = space();
        TrialHistory history = history();
        List<double[]> rows = new ArrayList<>(candidates + LOCAL_CENTRES * PERTURBATIONS_PER_CENTRE);
        for (int c = 0; c < candidates; c++) {
            rows.add(space.sample(rng));
        }
        int[] ranked = history.rankByLoss();
        for (int k = 0; k < Math.min(LOCAL_CENTRES, ranked.length); k++) {
            double[] centre = history.completeRow(ranked[k]);
            for (int p = 0; p < PERTURBATIONS_PER_CENTRE; p++) {
                rows.add(perturb(centre, LOCAL_SCALES[p % LOCAL_SCALES.length], rng));
            }
        }
        double[] scores = score(gp, rows, best);
        for (double scale : REFINE_SCALES) {
            int[] top = topIndices(scores, LOCAL_CENTRES);
            List<double[]> more = new ArrayList<>();
            for (int t : top) {
                for (int p = 0; p < PERTURBATIONS_PER_CENTRE; p++) {
                    more.add(perturb(rows.get(t), scale, rng));
                }
            }
            double[] moreScores = score(gp, more, best);
            rows.addAll(more);
            double[] merged = Arrays.copyOf(scores, scores.length + moreScores.length);
            System.arraycopy(moreScores, 0, merged, scores.length, moreScores.length);
            scores = merged;
        }
        int[] order = topIndices(scores, Math.min(scores.length, DUPLICATE_RETRIES));
        for (int t : order) {
            if (!history.seen(rows.get(t))) {
                return rows.get(t);
            }
        }
        return uniqueRandomRow(rng);
    }

    private double[] score(GaussianProcess gp, List<double[]> rows, double best) {
        int m = rows.size();
        int width = encoding.width();
        double[] query = new double[m * width];
        for (int a = 0; a < m; a++) {
            encoding.encode(rows.get(a), query, a * width);
        }
        double[] mean = new double[m];
        double[] variance = new double[m];
        gp.predict(query, m, mean, variance);
        double[] scores = new double[m];
        for (int a = 0; a < m; a++) {
            scores[a] = LogExpectedImprovement.of(mean[a], variance[a], best);
        }
        return scores;
    }

    /** A copy of {@code row} with Gaussian steps on numeric coordinates and occasional choice flips. */
    private double[] perturb(double[] row, double scale, RandomGenerator rng) {
        UnitSpace space = space();
        double[] out = row.clone();
        double flip = 1.0 / space.size();
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                continue;
            }
            if (space.isChoice(i)) {
                if (rng.nextDouble() < flip) {
                    out[i] = rng.nextInt(space.choiceCount(i));
                }
            } else {
                out[i] += scale * rng.nextGaussian();
            }
        }
        space.repair(out, rng);
        return out;
    }

    /** Indices of the {@code k} largest scores, largest first (NaN scores last); k is small. */
    private static int[] topIndices(double[] scores, int k) {
        int[] top = new int[Math.min(k, scores.length)];
        int filled = 0;
        for (int a = 0; a < scores.length; a++) {
            double v = clean(scores[a]);
            if (filled < top.length) {
                filled++;
            } else if (v <= clean(scores[top[filled - 1]])) {
                continue;
            }
            int at = filled - 1;
            while (at > 0 && clean(scores[top[at - 1]]) < v) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = a;
        }
        return top;
    }

    private static double clean(double score) {
        return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
    }
}
