package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.RatingPredictor;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.interest.ValidationScorer;

/**
 * Full-ranking NDCG@10 with the user's earlier items excluded, and RMSE, as core's evaluator
 * computes them; a test-side stand-in so this module's tests need no pipeline.
 */
public final class RankingEvaluation {
    private RankingEvaluation() {
    }

    /** The rows of {@code a} then those of {@code b} (same id spaces). */
    public static Interactions union(Interactions a, Interactions b) {
        Interactions.Builder all = Interactions.builder(a.numUsers(), a.numItems(), a.hasRatings(), a.hasTimestamps());
        for (Interactions part : new Interactions[] {a, b}) {
            for (int row = 0; row < part.size(); row++) {
                all.add(part.user(row), part.item(row), part.rating(row), part.timestamp(row));
            }
        }
        return all.build();
    }

    /** The profile the pipeline would pass: history from {@code history}, features from the inputs. */
    public static UserProfile profile(int user, Interactions history, FeatureMatrix userFeatures) {
        SparseRows rows = history.byUser();
        int[] items = rows.row(user);
        float[] ratings = new float[items.length];
        for (int k = 0; k < items.length; k++) {
            ratings[k] = history.rating(rows.source(rows.start(user) + k));
        }
        return UserProfile.of(user, items, ratings, userFeatures.row(user));
    }

    /** Mean NDCG@10 over users with targets, excluding each user's {@code seen} items from the ranking. */
    public static double ndcgAt10(InterestModel model, Interactions seen, Interactions targets, FeatureMatrix userFeatures) {
        SparseRows seenRows = seen.byUser();
        SparseRows targetRows = targets.byUser();
        float[] scores = new float[targets.numItems()];
        double total = 0;
        int users = 0;
        for (int u = 0; u < targets.numUsers(); u++) {
            if (targetRows.length(u) == 0) {
                continue;
            }
            model.scoreAll(profile(u, seen, userFeatures), scores);
            boolean[] excluded = new boolean[scores.length];
            for (int k = seenRows.start(u); k < seenRows.end(u); k++) {
                excluded[seenRows.column(k)] = true;
            }
            boolean[] relevant = new boolean[scores.length];
            for (int k = targetRows.start(u); k < targetRows.end(u); k++) {
                relevant[targetRows.column(k)] = true;
            }
            ScoredItems top = ScoredItems.topK(scores, 10, excluded);
            double dcg = 0;
            for (int r = 0; r < top.size(); r++) {
                if (relevant[top.item(r)]) {
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(10, targetRows.length(u)); r++) {
                ideal += 1 / (Math.log(r + 2) / Math.log(2));
            }
            total += dcg / ideal;
            users++;
        }
        return total / users;
    }

    public static double rmse(RatingPredictor model, Interactions seen, Interactions targets, FeatureMatrix userFeatures) {
        double sum = 0;
        SparseRows rows = targets.byUser();
        for (int u = 0; u < targets.numUsers(); u++) {
            if (rows.length(u) == 0) {
                continue;
            }
            int[] items = rows.row(u);
            float[] predicted = new float[items.length];
            model.predictRatings(profile(u, seen, userFeatures), items, predicted);
            for (int k = 0; k < items.length; k++) {
                double error = predicted[k] - targets.rating(rows.source(rows.start(u) + k));
                sum += error * error;
            }
        }
        return Math.sqrt(sum / targets.size());
    }

    /** The validation scorer core would hand to fit: NDCG@10 on {@code valid}, excluding training items. */
    public static ValidationScorer validation(Interactions train, Interactions valid, FeatureMatrix userFeatures) {
        return new ValidationScorer() {
            @Override
            public String metric() {
                return "ndcg@10";
            }

            @Override
            public boolean available() {
                return valid.size() > 0;
            }

            @Override
            public double score(InterestModel model) {
                return available() ? ndcgAt10(model, train, valid, userFeatures) : Double.NaN;
            }
        };
    }
}
