package com.example.minimal;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.util.List;

/**
 * The smallest complete plugin: one similarity model, {@code shared-users}. M6-Rec finds it
 * through {@code META-INF/services/dev.m6rec.api.Plugin}, on the class path or in a plugins directory.
 *
 * <pre>{@code
 * similarity: { type: shared-users, shrinkage: 10 }
 * }</pre>
 */
public final class MinimalPlugin implements Plugin {
    @Override
    public String name() {
        return "minimal-example";
    }

    @Override
    public List<SimilarityModelFactory<?>> similarityModels() {
        return List.of(new SharedUsersFactory());
    }
}
