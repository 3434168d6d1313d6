package dev.m6rec.plugins.datasets.synthetic;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Generates the synthetic dataset: items ({@link ItemCatalogue}), then users
 * ({@link UserPopulation}), then their histories ({@link InteractionSimulator}), all from one
 * seeded generator in a fixed order, so a seed always gives the same arrays. Ids are
 * {@code u1..uN} and {@code i1..iM}; rows are grouped by user, oldest first.
 */
final class SyntheticLoader implements DatasetLoader {
    private final SyntheticSettings settings;
    private final Supplier<RandomGenerator> randomness;

    /** @param randomness a fresh generator on each call, seeded the same way (so every load is identical) */
    SyntheticLoader(SyntheticSettings settings, Supplier<RandomGenerator> randomness) {
        this.settings = requireNonNull(settings, "settings is null");
        this.randomness = requireNonNull(randomness, "randomness is null");
    }

    @Override
    public Dataset load() {
        RandomGenerator random = randomness.get();
        ItemCatalogue items = new ItemCatalogue(settings, new PseudoWords(random), random);
        UserPopulation users = new UserPopulation(settings, items, random);
        Interactions interactions = new InteractionSimulator(settings, items, users, random).simulate();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", (long) interactions.size());
        counts.put("users", (long) users.size);
        counts.put("items", (long) items.size);
        return new Dataset("synthetic", ids("u", users.size), ids("i", items.size), interactions, users.table(),
                items.table(), counts);
    }

    private static IdIndex ids(String prefix, int n) {
        IdIndex.Builder builder = IdIndex.builder();
        for (int k = 1; k <= n; k++) {
            builder.add(prefix + k);
        }
        return builder.build();
    }
}
