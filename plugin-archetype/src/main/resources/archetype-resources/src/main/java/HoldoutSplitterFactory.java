package ${package};

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/**
 * Makes {@link HoldoutSplitter}s. {@link #check} shows a rule spanning two parameters.
 *
 * <pre>{@code
 * split: { type: ${pluginName}-holdout, test: 0.2, valid: 0.1 }
 * }</pre>
 */
public final class HoldoutSplitterFactory implements DatasetSplitterFactory<HoldoutSplitterFactory.Settings> {

    public record Settings(
            @Param(value = "share of the interactions held out for test", def = "0.2", min = 0.01, max = 0.9)
            double test,
            @Param(value = "share of the interactions held out for validation", def = "0.1", min = 0, max = 0.9)
            double valid) {
    }

    @Override
    public String name() {
        return ExamplePlugin.NAME + "-holdout";
    }

    @Override
    public String description() {
        return "each interaction goes to test or validation at random, with the given shares";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        if (settings.test() + settings.valid() >= 1) {
            problems.add("valid", "test + valid must be < 1 (was " + (settings.test() + settings.valid()) + ")");
        }
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        return new HoldoutSplitter(settings, context.random("split"));
    }
}
