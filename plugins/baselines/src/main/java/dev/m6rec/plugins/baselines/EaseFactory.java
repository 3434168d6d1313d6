package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code ease}: the closed-form shallow autoencoder of Steck (2019), an item-item weight matrix
 * with a zero diagonal learned by ridge regression.
 *
 * <pre>{@code
 * interest: { type: ease, lambda: 500, max-items: 20000 }
 * }</pre>
 */
public final class EaseFactory implements InterestModelFactory {
    /** The largest item count whose dense float32 item x item matrix fits one Java array. */
    static final int ITEM_LIMIT = 46_340;
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .floatParam("lambda", 500.0, "L2 regularisation added to the diagonal of the item Gram matrix")
            .greaterThan(0)
            .intParam("max-items", 20_000, "refuse to fit above this many items: EASE holds dense item x item "
                    + "matrices, about 8 bytes x items^2 of heap while fitting").atLeast(1).atMost(ITEM_LIMIT)
            .build();

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public String description() {
        return "EASE: closed-form item-item regression (Steck 2019) for up to max-items items";
    }

    @Override
    public ConfigSchema schema() {
        return SCHEMA;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        return new EaseModel(config.path(), config.getDouble("lambda"), config.getInt("max-items"), context);
    }
}
