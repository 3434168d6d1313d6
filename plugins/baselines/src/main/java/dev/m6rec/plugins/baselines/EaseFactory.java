package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
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
public final class EaseFactory implements InterestModelFactory<EaseFactory.Settings> {
    /** The largest item count whose dense float32 item x item matrix fits one Java array. */
    static final int ITEM_LIMIT = 46_340;

    /** The {@code ease} section. */
    public record Settings(
            @Param(value = "L2 regularisation added to the diagonal of the item Gram matrix", def = "500", above = 0)
            double lambda,
            @Param(value = "refuse to fit above this many items: EASE holds dense item x item matrices, about 12 bytes "
                    + "x items^2 of heap while fitting", def = "20000", min = 1, max = ITEM_LIMIT) int maxItems) {
    }

    @Override
    public String name() {
        return "ease";
    }

    @Override
    public String description() {
        return "EASE: closed-form item-item regression (Steck 2019) for up to max-items items";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public InterestModel create(Settings settings, PluginContext context) {
        return new EaseModel(settings.lambda(), settings.maxItems(), context);
    }
}
