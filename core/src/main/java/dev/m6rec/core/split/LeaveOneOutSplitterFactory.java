package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/** {@code split: { type: leave-one-out, order: time, valid: true }}. */
public final class LeaveOneOutSplitterFactory implements DatasetSplitterFactory<LeaveOneOutSplitterFactory.Settings> {

    /** The parameters of {@code leave-one-out}. */
    public record Settings(
            @Param(value = "time: hold out the latest; random: a seeded random one", def = "time") RowOrder order,
            @Param(value = "also hold out one interaction per user for validation", def = "true") boolean valid) {
    }

    @Override
    public String name() {
        return "leave-one-out";
    }

    @Override
    public String description() {
        return "each user's last (or a random) interaction to test, the one before to valid";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        return new LeaveOneOutSplitter(settings.order() == RowOrder.RANDOM, settings.valid(), context.random("split"));
    }
}
