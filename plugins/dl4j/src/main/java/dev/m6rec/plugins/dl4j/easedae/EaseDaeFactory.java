package dev.m6rec.plugins.dl4j.easedae;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * Makes the {@code ease-dae} interest model: EASE's closed-form item-item weights (Steck 2019) as a
 * linear path, plus a denoising autoencoder over the user's history that learns what the linear
 * path misses, trained on its out-of-fold residual with EASE's own squared loss. It scores any
 * history given at scoring time, so fresh events and new users need no retraining.
 *
 * <pre>{@code
 * interest: { type: ease-dae, lambda: 300, hidden: 200, dropout: 0.5, weight-decay: 30 }
 * }</pre>
 */
public final class EaseDaeFactory implements InterestModelFactory<EaseDaeSettings> {

    @Override
    public String name() {
        return "ease-dae";
    }

    @Override
    public String description() {
        return "EASE's item-item weights plus a denoising autoencoder trained on their residual, on DeepLearning4J";
    }

    @Override
    public Class<EaseDaeSettings> settingsType() {
        return EaseDaeSettings.class;
    }

    @Override
    public InterestModel create(EaseDaeSettings settings, PluginContext context) {
        return new EaseDaeModel(settings, context);
    }
}
