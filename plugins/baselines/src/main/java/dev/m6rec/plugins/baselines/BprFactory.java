package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code bpr}: matrix factorisation trained with Bayesian Personalized Ranking (Rendle et al.
 * 2009) on sampled negatives.
 *
 * <pre>{@code
 * interest: { type: bpr, factors: 64, epochs: 30, learning-rate: 0.05, regularization: 0.01, negatives: 1 }
 * }</pre>
 */
public final class BprFactory implements InterestModelFactory {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("factors", 64, "latent factors per user and item").atLeast(1)
            .intParam("epochs", 30, "passes over the training interactions").atLeast(1)
            .floatParam("learning-rate", 0.05, "SGD step size").greaterThan(0)
            .floatParam("regularization", 0.01, "L2 penalty on the factors and biases touched by a step").atLeast(0)
            .intParam("negatives", 1, "negative items sampled per positive interaction, one SGD step each")
            .atLeast(1)
            .floatParam("init-std", 0.1, "standard deviation of the Gaussian initial factors").atLeast(0)
            .booleanParam("item-bias", true, "learn a per-item bias (BPR's popularity term)")
            .build();

    @Override
    public String name() {
        return "bpr";
    }

    @Override
    public String description() {
        return "matrix factorisation trained with BPR on sampled negatives";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        BprSettings settings = new BprSettings(config.getInt("factors"), config.getInt("epochs"),
                config.getFloat("learning-rate"), config.getFloat("regularization"), config.getInt("negatives"),
                config.getFloat("init-std"), config.getBoolean("item-bias"));
        return new BprModel(config.path(), settings, context);
    }
}
