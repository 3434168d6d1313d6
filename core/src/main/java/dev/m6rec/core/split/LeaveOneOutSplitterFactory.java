package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/** {@code split: { type: leave-one-out, order: time, valid: true }}. */
public final class LeaveOneOutSplitterFactory implements DatasetSplitterFactory {
    @Override
    public String name() {
        return "leave-one-out";
    }

    @Override
    public String description() {
        return "each user's last (or a random) interaction to test, the one before to valid";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("order", "time", "time: hold out the latest; random: a seeded random one").oneOf("time", "random")
                .booleanParam("valid", true, "also hold out one interaction per user for validation")
                .build();
    }

    @Override
    public DatasetSplitter create(ComponentConfig config, PluginContext context) {
        return new LeaveOneOutSplitter("random".equals(config.getString("order")), config.getBoolean("valid"),
                context.random("split"));
    }
}
