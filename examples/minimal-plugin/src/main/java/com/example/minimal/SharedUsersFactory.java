package com.example.minimal;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.api.similarity.SimilarityModelFactory;

/**
 * Makes {@link SharedUsersSimilarity} models. The parameter is a component of {@link Settings};
 * M6-Rec checks the YAML section against its {@code @Param} before anything runs.
 *
 * <pre>{@code
 * similarity: { type: shared-users, shrinkage: 10 }
 * }</pre>
 */
public final class SharedUsersFactory implements SimilarityModelFactory<SharedUsersFactory.Settings> {

    public record Settings(
            @Param(value = "added to the denominator, so pairs sharing few users score lower", def = "10", min = 0)
            double shrinkage) {
    }

    @Override
    public String name() {
        return "shared-users";
    }

    @Override
    public String description() {
        return "cosine of the sets of users of two items, shrunk towards 0 for pairs sharing few users";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public SimilarityModel create(Settings settings, PluginContext context) {
        return new SharedUsersSimilarity(settings, context.componentPath());
    }
}
