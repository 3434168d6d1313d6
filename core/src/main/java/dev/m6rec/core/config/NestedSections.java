package dev.m6rec.core.config;

import java.util.Optional;

/**
 * Binds one nested interest model section ({@code interest.base[1]}) the way a top-level section is
 * bound: the component sections of a run resolve nested {@code type}s in the same catalog.
 */
@FunctionalInterface
public interface NestedSections {
    /** For binders that have no catalog (a lone section in a test): nested sections are an error. */
    NestedSections NONE = (path, value) -> {
        throw new IllegalStateException(path + ": nested component sections need a plugin registry");
    };

    /** The bound section at {@code path}; empty, with problems recorded, when it cannot be bound. */
    Optional<ConfiguredComponent> bindInterestModel(String path, Object value);
}
