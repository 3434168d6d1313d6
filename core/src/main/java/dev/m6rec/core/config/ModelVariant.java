package dev.m6rec.core.config;

import java.util.Objects;

/**
 * One entry of {@code models:}: its name (a folder and a table row) and the complete single-model
 * config it runs as, the same config as if the entry's section stood under {@code interest:}, so a
 * model seeds, trains and saves exactly as it would alone.
 */
public record ModelVariant(String name, RunConfig config) {
    public ModelVariant {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(config, "config is null");
    }
}
