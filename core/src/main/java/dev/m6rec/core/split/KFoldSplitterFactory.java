package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/** {@code split: { type: k-fold, folds: 5, by: user, valid: 0.1 }}. */
public final class KFoldSplitterFactory implements DatasetSplitterFactory<KFoldSplitterFactory.Settings> {

    /** The parameters of {@code k-fold}. */
    public record Settings(
            @Param(value = "how many folds; each is the test part once", def = "5", min = 2, max = 100) int folds,
            @Param(value = "user: deal each user's interactions round the folds; global: the whole log",
                    def = "user") FoldGrouping by,
            @Param(value = "share of each fold's training interactions held out for validation", def = "0", min = 0,
                    max = 0.5) double valid) {
    }

    @Override
    public String name() {
        return "k-fold";
    }

    @Override
    public String description() {
        return "k-fold cross-validation, per user or global, seeded; run reports mean and sd over folds";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        return new KFoldSplitter(settings.folds(), settings.by(), settings.valid(), context.random("split"));
    }
}
