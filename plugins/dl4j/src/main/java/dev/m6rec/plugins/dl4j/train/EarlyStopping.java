package dev.m6rec.plugins.dl4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tracks the validation score per epoch, keeps a copy of the best epoch's parameters and says
 * when {@code patience} epochs in a row brought no improvement. Without a validation score
 * (NaN) it never stops and keeps nothing, so the last epoch wins.
 *
 * <pre>{@code
 * EarlyStopping stopping = new EarlyStopping(3);
 * if (stopping.record(epoch, ndcg, net.params())) break;
 * stopping.bestParams().ifPresent(net::setParams);
 * }</pre>
 */
public final class EarlyStopping {
    private final int patience;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private int bestEpoch = -1;
    private INDArray bestParams;
    private int sinceBest;

    /** {@code patience} 0 never stops early but still restores the best epoch. */
    public EarlyStopping(int patience) {
        this.patience = patience;
    }

    /** Records an epoch; true when training should stop now. */
    public boolean record(int epoch, double score, INDArray params) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (score > bestScore) {
            bestScore = score;
            bestEpoch = epoch;
            bestParams = params.dup();
            sinceBest = 0;
            return false;
        }
        sinceBest++;
        return patience > 0 && sinceBest >= patience;
    }

    /** The best epoch's parameters, or empty when no epoch was scored. */
    public java.util.Optional<INDArray> bestParams() {
        return java.util.Optional.ofNullable(bestParams);
    }

    /** The best epoch (0-based), or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestScore() {
        return bestScore;
    }

    /** The line a model prints after restoring the best epoch: {@code interest: kept epoch 17 (ndcg@10 0.2425)}. */
    public String keptLine(String componentPath, String metric) {
        return String.format(java.util.Locale.ROOT, "%s: kept epoch %d (%s %.4f)", componentPath, bestEpoch + 1, metric,
                bestScore);
    }
}
