package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.core.eval.Evaluator;
import dev.m6rec.core.eval.MetricSpec;
import java.util.function.Supplier;

/** Scores a model on the validation split with the run's validation metric, seen items excluded. */
final class ValidationMetricScorer implements ValidationScorer {
    private final MetricSpec metric;
    private final Evaluator evaluator;
    private final Interactions train;
    private final Supplier<FeatureMatrix> userFeatures;
    private UserHistories trainHistories;
    private final Interactions valid;
    private final int[] users;
    private final java.util.function.DoubleConsumer listener;

    /**
     * @param userFeatures the users' feature rows, read at the first score (the pipeline's feature
     *                     steps run before the interest model that is scored)
     */
    ValidationMetricScorer(MetricSpec metric, Evaluator evaluator, Interactions train, Supplier<FeatureMatrix> userFeatures,
                           Interactions valid, int[] users, java.util.function.DoubleConsumer listener) {
        this.listener = listener;
        this.metric = metric;
        this.evaluator = evaluator;
        this.train = train;
        this.userFeatures = userFeatures;
        this.valid = valid;
        this.users = users;
    }

    @Override
    public String metric() {
        return metric.toString();
    }

    @Override
    public boolean available() {
        return valid.size() > 0;
    }

    @Override
    public double score(InterestModel model) {
        if (!available()) {
            return Double.NaN;
        }
        synchronized (this) {
            if (trainHistories == null) {
                trainHistories = new UserHistories(train, userFeatures.get());
            }
        }
        double value = evaluator.evaluate(model, trainHistories::profile, valid, users).get(metric.toString());
        listener.accept(value);
        return value;
    }
}
