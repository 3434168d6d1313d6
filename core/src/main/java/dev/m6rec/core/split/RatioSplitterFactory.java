package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/** {@code split: { type: ratio, ratios: [0.8, 0.1, 0.1], order: random, per-user: true }}. */
public final class RatioSplitterFactory implements DatasetSplitterFactory<RatioSplitterFactory.Settings> {

    /** The parameters of {@code ratio}. */
    public record Settings(
            @Param(value = "train, valid, test shares (valid may be 0)", def = "[0.8, 0.1, 0.1]", min = 0) float[] ratios,
            @Param(value = "random: shuffle with the seed; time: oldest go to train", def = "random") RowOrder order,
            @Param(value = "cut each user's interactions (true) or the whole log (false)", def = "true") boolean perUser) {
    }

    @Override
    public String name() {
        return "ratio";
    }

    @Override
    public String description() {
        return "train/valid/test by ratio, per user or global, random or by time";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        float[] ratios = settings.ratios();
        if (ratios.length != 3) {
            problems.add("ratios", "expected 3 shares [train, valid, test] (was " + ratios.length + ")");
            return;
        }
        double sum = ratios[0] + ratios[1] + ratios[2];
        if (Math.abs(sum - 1.0) > 1e-6 || ratios[0] <= 0 || ratios[2] <= 0) {
            problems.add("ratios", "train and test shares must be > 0 and all three must sum to 1 (sum was "
                    + (float) sum + ")");
        }
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        float[] r = settings.ratios();
        return new RatioSplitter(r[0], r[1], settings.order() == RowOrder.TIME, settings.perUser(),
                context.random("split"));
    }
}
