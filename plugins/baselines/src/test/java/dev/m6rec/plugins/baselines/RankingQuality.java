package dev.m6rec.plugins.baselines;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import java.util.SplittableRandom;

/** Hit rate and NDCG at 10 over the held-out items, training items excluded, full ranking. */
record RankingQuality(double hitRate, double ndcg) {
    private static final int K = 10;

    static RankingQuality of(InterestModel model, SyntheticTastes data) {
        return measure(data, (user, scores) -> model.scoreAll(data.profile(user), scores));
    }

    /** A ranking by seeded random scores: the floor every model must beat. */
    static RankingQuality random(SyntheticTastes data, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return measure(data, (user, scores) -> {
            for (int j = 0; j < scores.length; j++) {
                scores[j] = (float) rng.nextDouble();
            }
        });
    }

    private interface Scorer {
        void score(int user, float[] out);
    }

    private static RankingQuality measure(SyntheticTastes data, Scorer scorer) {
        SparseRows train = data.split.train().byUser();
        Interactions test = data.split.test();
        SparseRows held = test.byUser();
        double hits = 0;
        double ndcg = 0;
        int users = 0;
        float[] scores = new float[data.numItems];
        for (int u = 0; u < data.numUsers; u++) {
            if (held.length(u) == 0) {
                continue;
            }
            boolean[] seen = new boolean[data.numItems];
            for (int k = train.start(u); k < train.end(u); k++) {
                seen[train.column(k)] = true;
            }
            boolean[] relevant = new boolean[data.numItems];
            for (int k = held.start(u); k < held.end(u); k++) {
                relevant[held.column(k)] = true;
            }
            scorer.score(u, scores);
            ScoredItems top = ScoredItems.topK(scores, K, seen);
            double dcg = 0;
            boolean hit = false;
            for (int r = 0; r < top.size(); r++) {
                if (relevant[top.item(r)]) {
                    dcg += 1.0 / (Math.log(r + 2) / Math.log(2));
                    hit = true;
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(K, held.length(u)); r++) {
                ideal += 1.0 / (Math.log(r + 2) / Math.log(2));
            }
            hits += hit ? 1 : 0;
            ndcg += dcg / ideal;
            users++;
        }
        return new RankingQuality(hits / users, ndcg / users);
    }
}
