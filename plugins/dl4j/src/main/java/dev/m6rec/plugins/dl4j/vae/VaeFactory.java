package dev.m6rec.plugins.dl4j.vae;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * Makes the {@code vae} interest model: Mult-VAE (Liang et al., 2018), a variational autoencoder
 * over the user's history with a multinomial likelihood over all items. It scores any history
 * given at scoring time, so fresh events and new users with a few items need no retraining.
 *
 * <pre>{@code
 * interest: { type: vae, hidden: [600], latent: 100, dropout: 0.5, anneal-cap: 1.0, epochs: 200 }
 * }</pre>
 */
public final class VaeFactory implements InterestModelFactory<VaeSettings> {

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String description() {
        return "variational autoencoder over the user's history (Mult-VAE), on DeepLearning4J";
    }

    @Override
    public Class<VaeSettings> settingsType() {
        return VaeSettings.class;
    }

    @Override
    public void check(VaeSettings settings, Problems problems) {
        if (settings.hidden().length == 0) {
            problems.add("hidden", "must list at least one layer width");
        }
    }

    /** The item layer's columns are item vectors (see {@link VaeModel#itemEmbeddings()}). */
    @Override
    public boolean learnsItemEmbeddings(VaeSettings settings) {
        return true;
    }

    @Override
    public InterestModel create(VaeSettings settings, PluginContext context) {
        return new VaeModel(settings, context);
    }
}
