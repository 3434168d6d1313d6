package dev.m6rec.plugins.dl4j.train;

import dev.m6rec.api.ConfigException;

/**
 * The per-epoch guard of the deep models: a NaN or infinite epoch loss means the parameters
 * overflowed (a learning rate too large), and training on would only yield NaN scores, metrics of
 * 0.0 and empty lists. The settings caused it, so it is a configuration error naming the
 * component, its type and the epoch, and the run stops with exit 2.
 */
public final class DivergenceCheck {
    private DivergenceCheck() {
    }

    /**
     * @param path  the component's config path ({@code interest})
     * @param type  the model's type name ({@code mlp})
     * @param epoch the 1-based epoch that produced {@code loss}
     * @param name  what the loss is ({@code click loss}), as the progress line calls it
     */
    public static void check(String path, String type, int epoch, String name, double loss) {
        if (!Double.isFinite(loss)) {
            throw new ConfigException(path, type + " training diverged at epoch " + epoch + " (" + name + " " + loss
                    + "); lower learning-rate");
        }
    }
}
