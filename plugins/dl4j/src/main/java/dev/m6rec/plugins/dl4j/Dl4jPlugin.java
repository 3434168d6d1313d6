package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.plugins.dl4j.cnn.CaserFactory;
import dev.m6rec.plugins.dl4j.easedae.EaseDaeFactory;
import dev.m6rec.plugins.dl4j.mlp.MlpFactory;
import dev.m6rec.plugins.dl4j.sasrec.SasRecFactory;
import dev.m6rec.plugins.dl4j.stack.StackFactory;
import dev.m6rec.plugins.dl4j.vae.VaeFactory;
import java.util.List;

/**
 * Deep interest models on DeepLearning4J: {@code mlp} (NeuMF-style, click and rating heads) and
 * {@code cnn} (Caser-style convolutions over the user's recent items); {@code vae} (Mult-VAE over the
 * user's history); {@code ease-dae} (EASE plus a denoising autoencoder on its residual); {@code stack}, a
 * learned ranking stage over other interest models.
 *
 * <pre>{@code
 * interest: { type: mlp, hidden: [128, 64], epochs: 20, loss: { click: 0.5, rating: 0.5 } }
 * }</pre>
 */
public final class Dl4jPlugin implements Plugin {

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public List<InterestModelFactory<?>> interestModels() {
        return List.of(new MlpFactory(), new CaserFactory(), new StackFactory(), new VaeFactory(), new SasRecFactory(),
                new EaseDaeFactory());
    }
}
