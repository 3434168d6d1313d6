package dev.m6rec.core.pipeline;

import static dev.m6rec.core.prepare.TinyDatasets.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.prepare.TinyDatasets;
import dev.m6rec.core.split.CoreSplitterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filters run between loading and splitting, and say what they removed. */
class LoadAndSplitFilterTest {
    /** Items need 2 users: z goes, which leaves C with one interaction and no user minimum to enforce. */
    private static final Dataset LOADED = TinyDatasets.of("fixed",
            "A x 5 10", "A y 4 20", "B x 2 30", "B y 5 40", "C y 4 50", "C z 5 60", "A x 3 70");
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final List<String> progress = new ArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private DataSplit loadAndSplit(Map<String, Object> tree) {
        PluginRegistry registry = CoreSplitterRegistry.with(new FixedLoaderFactory());
        RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(tree), registry);
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return ProgressReporter.silent().begin(name, total);
            }

            @Override
            public void info(String message) {
                progress.add(message);
            }
        };
        DefaultPluginContext context = new DefaultPluginContext(config.seed(), "", executor, 1, reporter, Path.of("."));
        return new PipelineTrainer(config, context).loadAndSplit();
    }

    @Test
    void filtersRunBeforeTheSplitAndReportWhatTheyRemoved() {
        DataSplit split = loadAndSplit(Map.of(
                "data", Map.of("type", "fixed"),
                "filter", Map.of("dedup", "last", "rating-threshold", 4, "min-item-interactions", 2),
                "split", Map.of("type", "temporal", "test-from", 50)));
        Dataset dataset = split.dataset();
        // dedup last drops A x at 10, the threshold B x (2) and A x at 70 (3), the 2-core z.
        assertThat(rows(dataset)).containsExactly("A y 4 20", "B y 5 40", "C y 4 50");
        assertThat(dataset.items().ids()).containsExactly("y");
        assertThat(rows(dataset, split.train())).containsExactly("A y 4 20", "B y 5 40");
        assertThat(rows(dataset, split.test())).containsExactly("C y 4 50");
        assertThat(progress).containsExactly(
                "loading fixed data",
                "filter: 7 -> 3 interactions (dedup last removed 1, rating >= 4 removed 2, "
                        + "k-core (items >= 2) removed 1); dropped 0 users and 2 items left without interactions",
                "fixed: 3 users, 1 items, 3 interactions (train 2, valid 0, test 1)");
    }

    @Test
    void withoutAFilterSectionTheLoadedDatasetIsSplitAsItIs() {
        DataSplit split = loadAndSplit(Map.of("data", Map.of("type", "fixed"),
                "split", Map.of("type", "temporal", "test-from", 70)));
        assertThat(split.dataset()).isSameAs(LOADED);
        assertThat(progress).containsExactly("loading fixed data",
                "fixed: 3 users, 3 items, 7 interactions (train 6, valid 0, test 1)");
    }

    /** {@code data: {type: fixed}}: always {@link #LOADED}. */
    private static final class FixedLoaderFactory implements DatasetLoaderFactory<NoSettings> {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public DatasetLoader create(NoSettings settings, PluginContext context) {
            return () -> LOADED;
        }
    }
}
