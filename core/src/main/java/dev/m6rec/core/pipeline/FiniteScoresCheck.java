package dev.m6rec.core.pipeline;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.plugin.PluginFaults;

/**
 * After an interest model is fitted, scores a few users spread over the id range and refuses the
 * model if any score is NaN or infinite. A diverged model (a learning rate of 1e30) would
 * otherwise evaluate to metrics of 0.0 and serve empty lists with exit 0. The settings caused it,
 * so it is a configuration error naming the component; models that compute a loss also check it
 * per epoch and name the epoch. This generic guard catches the ones that do not.
 */
final class FiniteScoresCheck {
    static final int USERS = 8;

    private FiniteScoresCheck() {
    }

    static void check(ConfiguredComponent component, InterestModel model, PipelineParts parts) {
        int numUsers = parts.modelInputs().numUsers();
        int numItems = parts.modelInputs().numItems();
        if (numUsers == 0 || numItems == 0) {
            return;
        }
        UserHistories histories = new UserHistories(parts.split().train(), parts.userFeatures());
        float[] scores = new float[numItems];
        int users = Math.min(USERS, numUsers);
        for (int u = 0; u < users; u++) {
            int user = (int) ((long) u * numUsers / users);
            PluginFaults.run(model, "score", () -> model.scoreAll(histories.profile(user), scores));
            for (int item = 0; item < numItems; item++) {
                if (!Float.isFinite(scores[item])) {
                    throw new ConfigException(component.path(), component.type() + " training diverged (score "
                            + scores[item] + " for user #" + user + ", item #" + item
                            + " after fit); lower the learning rate or check the settings");
                }
            }
        }
    }
}
