package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code bpr}: matrix factorisation trained with Bayesian Personalized Ranking (Rendle et al.
 * 2009) on sampled negatives; its parameters are {@link BprSettings}.
 *
 * <pre>{@code
 * interest: { type: bpr, factors: 64, epochs: 30, learning-rate: 0.05, regularization: 0.01, negatives: 1 }
 * }</pre>
 */
public final class BprFactory implements InterestModelFactory<BprSettings> {

    @Override
    public String name() {
        return "bpr";
    }

    @Override
    public String description() {
        return "matrix factorisation trained with BPR on sampled negatives";
    }

    @Override
    public Class<BprSettings> settingsType() {
        return BprSettings.class;
    }

    @Override
    public InterestModel create(BprSettings settings, PluginContext context) {
        return new BprModel(settings, context);
    }
}
