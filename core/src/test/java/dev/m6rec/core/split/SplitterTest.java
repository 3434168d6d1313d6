package dev.m6rec.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import dev.m6rec.core.config.SectionBinder;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SplitterTest {
    /** 20 users with 10 interactions each at increasing timestamps. */
    private static Dataset dataset() {
        return dataset(10);
    }

    /** 20 users with {@code perUser} interactions each at increasing timestamps (which tell rows apart). */
    static Dataset dataset(int perUser) {
        Interactions.Builder b = Interactions.builder(20, 30, true, true);
        long t = 1000;
        for (int k = 0; k < perUser; k++) {
            for (int u = 0; u < 20; u++) {
                b.add(u, (u + 3 * k) % 30, 1 + k % 5, t++);
            }
        }
        return new Dataset("test", IdIndex.range("u", 20), IdIndex.range("i", 30), b.build(),
                AttributeTable.empty(20), AttributeTable.empty(30), Map.of());
    }

    private static DataSplit split(DatasetSplitterFactory<?> factory, Map<String, Object> section, long seed) {
        PluginContext context = new DefaultPluginContext(seed, "split", Executors.newSingleThreadExecutor(), 1,
                ProgressReporter.silent(), Path.of("."));
        return Sections.create(factory, "split", section, context).split(dataset());
    }

    /** The rows of a part, by their distinct timestamps. */
    static Set<Long> keys(Interactions part) {
        Set<Long> keys = new HashSet<>();
        for (int r = 0; r < part.size(); r++) {
            keys.add(part.timestamp(r));
        }
        return keys;
    }

    @Test
    void ratioSplitCutsEachUserEightOneOneAndLosesNothing() {
        DataSplit split = split(new RatioSplitterFactory(), Map.of(), 42);
        assertThat(split.train().size()).isEqualTo(160);
        assertThat(split.valid().size()).isEqualTo(20);
        assertThat(split.test().size()).isEqualTo(20);
        Set<Long> all = new HashSet<>(keys(split.train()));
        all.addAll(keys(split.valid()));
        all.addAll(keys(split.test()));
        assertThat(all).hasSize(200);
        for (int u = 0; u < 20; u++) {
            assertThat(split.test().byUser().length(u)).isEqualTo(1);
        }
    }

    @Test
    void ratioSplitIsSeeded() {
        assertThat(keys(split(new RatioSplitterFactory(), Map.of(), 1).test()))
                .isEqualTo(keys(split(new RatioSplitterFactory(), Map.of(), 1).test()))
                .isNotEqualTo(keys(split(new RatioSplitterFactory(), Map.of(), 2).test()));
    }

    @Test
    void ratioSplitByTimePutsTheNewestInTest() {
        DataSplit split = split(new RatioSplitterFactory(), Map.of("order", "time"), 1);
        long newestTrain = keys(split.train()).stream().mapToLong(Long::longValue).max().orElseThrow();
        long oldestTest = keys(split.test()).stream().mapToLong(Long::longValue).min().orElseThrow();
        // Per user, every test interaction is newer than that user's training ones; globally the
        // last round (timestamps 1180..1199) is the test set.
        assertThat(oldestTest).isEqualTo(1180);
        assertThat(newestTrain).isLessThan(1160);
    }

    @Test
    void leaveOneOutHoldsOutTheLatestPerUser() {
        DataSplit split = split(new LeaveOneOutSplitterFactory(), Map.of(), 1);
        assertThat(split.test().size()).isEqualTo(20);
        assertThat(split.valid().size()).isEqualTo(20);
        assertThat(keys(split.test())).allMatch(t -> t >= 1180);
        assertThat(keys(split.valid())).allMatch(t -> t >= 1160 && t < 1180);
    }

    @Test
    void ratioSharesMustSumToOne() {
        assertThat(Sections.problems(new RatioSplitterFactory(), "split", Map.of("ratios", List.of(0.8, 0.3, 0.1))))
                .containsExactly("split.ratios: train and test shares must be > 0 and all three must sum to 1 (sum was 1.2)");
    }
}
