package dev.m6rec.core.eval;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.config.EvaluationSettings;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What {@code evaluation.ranking} and {@code evaluation.max-users} decide about an evaluation pass:
 * how items are ranked and which users are scored. Kept in one place so that the validation during a
 * fit, a tuning trial and the run's reported figures measure the same thing: a full ranking of every
 * validation user after each epoch costs minutes at 100k items where the configured protocol costs
 * seconds, and early stopping should pick the epoch by the figure the run reports.
 */
public final class EvaluationScope {
    private EvaluationScope() {
    }

    /** The ranking protocol of {@code settings}, with the training data's popularity for sampling and novelty. */
    public static EvaluationOptions options(EvaluationSettings settings, long seed, Interactions train,
                                            Optional<SimilarityModel> similarity) {
        return new EvaluationOptions(settings.sampled(), settings.negatives(), settings.popularitySampling(), seed,
                train.itemCounts(), train.numUsers(), similarity);
    }

    /**
     * With {@code evaluation.max-users}, a sample of that many users with held-out items in
     * {@code targets}, drawn from {@code random} (the run's {@code DefaultPluginContext.evaluationUsers()},
     * so that every pass of one run samples the same way) and sorted; else null, meaning every user.
     */
    public static int[] users(EvaluationSettings settings, Interactions targets, RandomGenerator random) {
        int max = settings.maxUsers();
        int[] users = targets.byUser().nonEmptyRows();
        if (max == 0 || users.length <= max) {
            return null;
        }
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(users.length - i);
            int t = users[i];
            users[i] = users[j];
            users[j] = t;
        }
        int[] chosen = Arrays.copyOf(users, max);
        Arrays.sort(chosen);
        return chosen;
    }
}
