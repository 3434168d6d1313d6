package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.util.List;

/** {@code split: { type: ratio, ratios: [0.8, 0.1, 0.1], order: random, per-user: true }}. */
public final class RatioSplitterFactory implements DatasetSplitterFactory {
    @Override
    public String name() {
        return "ratio";
    }

    @Override
    public String description() {
        return "train/valid/test by ratio, per user or global, random or by time";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .floatListParam("ratios", List.of(0.8, 0.1, 0.1), "train, valid, test shares (valid may be 0)").atLeast(0)
                .stringParam("order", "random", "random: shuffle with the seed; time: oldest go to train").oneOf("random", "time")
                .booleanParam("per-user", true, "cut each user's interactions (true) or the whole log (false)")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        float[] ratios = config.getFloatArray("ratios");
        if (ratios.length != 3) {
            return List.of(new ConfigProblem("ratios",
                    "expected 3 shares [train, valid, test] (was " + ratios.length + ")"));
        }
        double sum = ratios[0] + ratios[1] + ratios[2];
        if (Math.abs(sum - 1.0) > 1e-6 || ratios[0] <= 0 || ratios[2] <= 0) {
            return List.of(new ConfigProblem("ratios",
                    "train and test shares must be > 0 and all three must sum to 1 (sum was " + (float) sum + ")"));
        }
        return List.of();
    }

    @Override
    public DatasetSplitter create(ComponentConfig config, PluginContext context) {
        float[] r = config.getFloatArray("ratios");
        return new RatioSplitter(r[0], r[1], "time".equals(config.getString("order")), config.getBoolean("per-user"),
                context.random("split"));
    }
}
