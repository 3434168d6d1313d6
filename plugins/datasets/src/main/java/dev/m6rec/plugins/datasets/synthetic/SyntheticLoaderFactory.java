package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data: { type: synthetic }}: the embedded default dataset, generated from the run seed
 * (stream {@code random("synthetic")}) with planted structure: category tastes predictable from
 * user attributes, latent within-category tastes, Zipf popularity, sequences that follow tags,
 * ratings from affinity plus noise. Personalised models beat popularity on it, and popularity
 * beats random.
 */
public final class SyntheticLoaderFactory implements DatasetLoaderFactory {
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
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .intParam("users", 2000, "number of users (ids u1..uN)").atLeast(1).atMost(5_000_000)
                .intParam("items", 1000, "number of items (ids i1..iM)").atLeast(1).atMost(5_000_000)
                .intParam("categories", 12, "item categories, each with its own tags and title words").atLeast(1).atMost(1000)
                .intParam("tags-per-category", 6, "tag vocabulary of each category (items carry 2-4 tags)").atLeast(1).atMost(50)
                .floatParam("interactions-per-user", 40.0, "mean history length (log-normal; at least the minimum, at most items)")
                .atLeast(1).atMost(100_000)
                .intParam("min-interactions-per-user", 5, "shortest history").atLeast(1)
                .intParam("latent-dims", 8, "dimensions of the latent tastes behind within-category choices").atLeast(1).atMost(256)
                .floatParam("popularity-skew", 1.0, "Zipf exponent of item popularity (0: uniform)").atLeast(0).atMost(3)
                .floatParam("taste-focus", 3.0, "how strongly users concentrate on their favourite categories (0: not at all)")
                .atLeast(0).atMost(10)
                .floatParam("attribute-signal", 0.8, "share of category taste explained by age, gender, occupation, country")
                .atLeast(0).atMost(1)
                .floatParam("sequence-strength", 0.5, "probability that the next item shares a tag with the recent ones")
                .atLeast(0).atMost(1)
                .floatParam("rating-noise", 0.5, "standard deviation of the noise added to ratings before rounding to 1-5")
                .atLeast(0).atMost(5)
                .longParam("start-time", 1_500_000_000L, "epoch seconds before the first interaction").atLeast(0)
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        String at = config.path() + ".";
        int items = config.getInt("items");
        int categories = config.getInt("categories");
        int min = config.getInt("min-interactions-per-user");
        double mean = config.getDouble("interactions-per-user");
        if (categories > items) {
            problems.add(new ConfigProblem(at + "categories", "must be <= items (was " + categories + " with " + items
                    + " items)"));
        }
        if (min > mean) {
            problems.add(new ConfigProblem(at + "min-interactions-per-user", "must be <= interactions-per-user (was "
                    + min + " > " + (mean == Math.rint(mean) ? Long.toString((long) mean) : Double.toString(mean)) + ")"));
        }
        if (min > items) {
            problems.add(new ConfigProblem(at + "min-interactions-per-user", "must be <= items (was " + min + " > "
                    + items + ")"));
        }
        double rows = config.getInt("users") * mean;
        if (rows > MAX_ROWS) {
            problems.add(new ConfigProblem(at + "users", "users x interactions-per-user must be <= " + MAX_ROWS
                    + " (was " + (long) rows + ")"));
        }
        return problems;
    }

    @Override
    public DatasetLoader create(ComponentConfig config, PluginContext context) {
        SyntheticSettings settings = new SyntheticSettings(config.getInt("users"), config.getInt("items"),
                config.getInt("categories"), config.getInt("tags-per-category"), config.getDouble("interactions-per-user"),
                config.getInt("min-interactions-per-user"), config.getInt("latent-dims"),
                config.getDouble("popularity-skew"), config.getDouble("taste-focus"),
                config.getDouble("attribute-signal"), config.getDouble("sequence-strength"),
                config.getDouble("rating-noise"), config.getLong("start-time"));
        return new SyntheticLoader(settings, () -> context.random("synthetic"));
    }
}
