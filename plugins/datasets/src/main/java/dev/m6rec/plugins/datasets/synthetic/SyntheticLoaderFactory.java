package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import java.util.OptionalInt;

/**
 * {@code data: { type: synthetic }}: the embedded default dataset, generated from the run seed
 * (stream {@code random("synthetic")}) with planted structure: category tastes predictable from
 * user attributes, latent within-category tastes, Zipf popularity, sequences that follow tags,
 * ratings from affinity plus noise. Personalised models beat popularity on it, and popularity
 * beats random.
 *
 * <pre>{@code
 * data: { type: synthetic, users: 5000, items: 2000, attribute-signal: 0.5 }
 * }</pre>
 */
public final class SyntheticLoaderFactory implements DatasetLoaderFactory<SyntheticSettings> {
    private static final long MAX_ROWS = 200_000_000L;

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public String description() {
        return "a generated dataset with planted tastes, attributes, tags, titles and sequences (no files needed)";
    }

    @Override
    public Class<SyntheticSettings> settingsType() {
        return SyntheticSettings.class;
    }

    @Override
    public void check(SyntheticSettings s, Problems problems) {
        int min = s.minInteractionsPerUser();
        double mean = s.interactionsPerUser();
        if (s.categories() > s.items()) {
            problems.add("categories", "must be <= items (was " + s.categories() + " with " + s.items() + " items)");
        }
        if (min > mean) {
            problems.add("min-interactions-per-user", "must be <= interactions-per-user (was " + min + " > "
                    + (mean == Math.rint(mean) ? Long.toString((long) mean) : Double.toString(mean)) + ")");
        }
        if (min > s.items()) {
            problems.add("min-interactions-per-user", "must be <= items (was " + min + " > " + s.items() + ")");
        }
        double rows = s.users() * mean;
        if (rows > MAX_ROWS) {
            problems.add("users", "users x interactions-per-user must be <= " + MAX_ROWS + " (was " + (long) rows
                    + ")");
        }
    }

    /** Every one of the {@code items} items is in the catalogue, with or without interactions. */
    @Override
    public OptionalInt itemCount(SyntheticSettings settings) {
        return OptionalInt.of(settings.items());
    }

    @Override
    public DatasetLoader create(SyntheticSettings settings, PluginContext context) {
        return new SyntheticLoader(settings, () -> context.random("synthetic"));
    }
}
