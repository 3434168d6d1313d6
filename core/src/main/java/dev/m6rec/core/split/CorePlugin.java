package dev.m6rec.core.split;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.util.List;

/** The components core ships itself: the standard splits. Found through ServiceLoader like any plugin. */
public final class CorePlugin implements Plugin {
    @Override
    public String name() {
        return "core";
    }

    @Override
    public List<DatasetSplitterFactory<?>> datasetSplitters() {
        return List.of(new RatioSplitterFactory(), new LeaveOneOutSplitterFactory(), new TemporalSplitterFactory(),
                new PresplitSplitterFactory(), new ColdUsersSplitterFactory(), new KFoldSplitterFactory());
    }
}
