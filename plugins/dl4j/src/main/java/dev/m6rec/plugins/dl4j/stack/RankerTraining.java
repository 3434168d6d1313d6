package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.Shuffle;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Trains a {@link ListwiseRanker} with Adam on mini-batches of users, keeping the epoch with the
 * best NDCG@10 on the validation users' candidate lists (epoch 0 is the initial ranker).
 */
final class RankerTraining {
    private static final int K = 10;

    private RankerTraining() {
    }

    /** {@code path} is the ranker's config path, named if its training diverges. */
    static ListwiseRanker train(List<CandidateList> train, List<CandidateList> valid, StackSettings.RankerSettings settings,
                                RandomGenerator random, ProgressReporter progress, String path) {
        int width = train.get(0).rows().length / train.get(0).count();
        float[][] moments = standardisation(train, width);
        ListwiseRanker ranker = ListwiseRanker.initial(width, settings.hidden(), moments[0], moments[1], random);
        float[][] weights = ranker.weights();
        float[][] biases = ranker.biases();
        AdamParameter[] w = new AdamParameter[weights.length];
        AdamParameter[] b = new AdamParameter[biases.length];
        float decay = (float) (settings.learningRate() * settings.weightDecay());
        for (int l = 0; l < weights.length; l++) {
            w[l] = AdamParameter.dense(weights[l], decay);
            b[l] = AdamParameter.dense(biases[l], 0f);
        }
        float[][] wg = new float[w.length][];
        float[][] bg = new float[b.length][];
        for (int l = 0; l < w.length; l++) {
            wg[l] = w[l].gradient;
            bg[l] = b[l].gradient;
        }
        ListwiseRanker best = ranker.copy();
        double bestScore = ndcg(ranker, valid);
        progress.info(String.format("stack: validation ndcg@%d of the first base model's order %.4f, of the initial ranker %.4f",
                K, ndcg(valid, list -> firstModelScores(list, width)), bestScore));
        int sinceBest = 0;
        int step = 0;
        int[] order = new int[train.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        try (ProgressTask epochs = progress.begin("stack ranker epochs", settings.epochs())) {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                Shuffle.inPlace(order, random);
                double loss = 0;
                for (int from = 0; from < order.length; from += settings.batchUsers()) {
                    int to = Math.min(order.length, from + settings.batchUsers());
                    for (int l = 0; l < w.length; l++) {
                        w[l].clearGradient();
                        b[l].clearGradient();
                    }
                    for (int k = from; k < to; k++) {
                        CandidateList list = train.get(order[k]);
                        loss += ranker.accumulate(list.rows(), list.count(), list.target(), wg, bg);
                    }
                    float correction = AdamParameter.correction((float) settings.learningRate(), ++step);
                    for (int l = 0; l < w.length; l++) {
                        w[l].update(correction);
                        b[l].update(correction);
                    }
                }
                DivergenceCheck.check(path, "stack", epoch, "loss", loss);
                double score = ndcg(ranker, valid);
                epochs.advance(1);
                epochs.message(String.format("epoch %d: loss %.4f, validation ndcg@%d %.4f", epoch,
                        loss / order.length, K, score));
                if (score > bestScore) {
                    bestScore = score;
                    best = ranker.copy();
                    sinceBest = 0;
                } else if (settings.earlyStopping().patience() > 0 && ++sinceBest >= settings.earlyStopping().patience()) {
                    break;
                }
            }
        }
        return best;
    }

    /** Per-column mean and 1/sd over every training row (a constant column gets scale 0). */
    private static float[][] standardisation(List<CandidateList> lists, int width) {
        double[] sum = new double[width];
        double[] squares = new double[width];
        long rows = 0;
        for (CandidateList list : lists) {
            float[] x = list.rows();
            for (int r = 0; r < list.count(); r++) {
                for (int i = 0; i < width; i++) {
                    double v = x[r * width + i];
                    sum[i] += v;
                    squares[i] += v * v;
                }
            }
            rows += list.count();
        }
        float[] mean = new float[width];
        float[] scale = new float[width];
        for (int i = 0; i < width; i++) {
            double m = sum[i] / rows;
            double variance = Math.max(0, squares[i] / rows - m * m);
            mean[i] = (float) m;
            scale[i] = variance > 1e-12 ? (float) (1 / Math.sqrt(variance)) : 0f;
        }
        return new float[][] {mean, scale};
    }

    static double ndcg(ListwiseRanker ranker, List<CandidateList> lists) {
        return ndcg(lists, list -> ranker.score(list.rows(), list.count()));
    }

    private static float[] firstModelScores(CandidateList list, int width) {
        float[] scores = new float[list.count()];
        for (int k = 0; k < scores.length; k++) {
            scores[k] = list.rows()[k * width];
        }
        return scores;
    }

    /** Mean NDCG@10 of each list ordered by {@code scorer}; the ideal counts every held-out item. */
    static double ndcg(List<CandidateList> lists, Function<CandidateList, float[]> scorer) {
        double total = 0;
        for (CandidateList list : lists) {
            float[] scores = scorer.apply(list);
            boolean[] taken = new boolean[list.count()];
            double dcg = 0;
            for (int position = 0; position < Math.min(K, list.count()); position++) {
                int bestAt = -1;
                for (int k = 0; k < scores.length; k++) {
                    if (!taken[k] && (bestAt < 0 || scores[k] > scores[bestAt])) {
                        bestAt = k;
                    }
                }
                taken[bestAt] = true;
                if (list.target()[bestAt] > 0) {
                    dcg += 1 / log2(position + 2);
                }
            }
            double ideal = 0;
            for (int position = 0; position < Math.min(K, list.relevant()); position++) {
                ideal += 1 / log2(position + 2);
            }
            total += dcg / ideal;
        }
        return lists.isEmpty() ? Double.NaN : total / lists.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

}
