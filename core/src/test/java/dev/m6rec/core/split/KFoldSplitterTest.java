package dev.m6rec.core.split;

import static dev.m6rec.core.split.SplitterTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class KFoldSplitterTest {
    private static List<DataSplit> folds(Map<String, Object> section, long seed) {
        PluginContext context = new DefaultPluginContext(seed, "split", Executors.newSingleThreadExecutor(), 1,
                ProgressReporter.silent(), Path.of("."));
        KFoldSplitter splitter = (KFoldSplitter) Sections.create(new KFoldSplitterFactory(), "split", section, context);
        // 20 users with 7 interactions each (not a multiple of the folds).
        return splitter.splits(SplitterTest.dataset(7));
    }

    @Test
    void testPartsPartitionTheDataAndEachFoldIsTestedOnce() {
        for (String by : List.of("user", "global")) {
            List<DataSplit> folds = folds(Map.of("folds", 5, "by", by), 42);
            assertThat(folds).hasSize(5);
            Set<Long> tested = new HashSet<>();
            int total = 0;
            for (DataSplit fold : folds) {
                Set<Long> test = keys(fold.test());
                // Disjoint from every earlier fold's test part: each interaction is tested exactly once.
                assertThat(tested).doesNotContainAnyElementsOf(test);
                tested.addAll(test);
                total += test.size();
                // Within a fold, train and test are disjoint and together hold everything (valid: 0 by default).
                assertThat(keys(fold.train())).doesNotContainAnyElementsOf(test);
                assertThat(fold.train().size() + fold.test().size()).isEqualTo(140);
                assertThat(fold.valid().size()).isZero();
                // 140 interactions over 5 folds: 28 each.
                assertThat(test).as("by %s", by).hasSize(28);
            }
            assertThat(total).isEqualTo(140);
            assertThat(tested).hasSize(140);
        }
    }

    @Test
    void byUserDealsEachUsersInteractionsRoundTheFolds() {
        List<DataSplit> folds = folds(Map.of("folds", 5), 7);
        for (int u = 0; u < 20; u++) {
            for (DataSplit fold : folds) {
                // 7 interactions over 5 folds: each fold tests one or two of each user's.
                assertThat(fold.test().byUser().length(u)).isBetween(1, 2);
            }
        }
    }

    @Test
    void foldsAreSeeded() {
        assertThat(keys(folds(Map.of(), 1).get(2).test())).isEqualTo(keys(folds(Map.of(), 1).get(2).test()))
                .isNotEqualTo(keys(folds(Map.of(), 2).get(2).test()));
    }

    @Test
    void validShareComesOutOfTrainingNeverOutOfTest() {
        List<DataSplit> folds = folds(Map.of("folds", 4, "valid", 0.2), 3);
        for (DataSplit fold : folds) {
            assertThat(fold.valid().size()).isBetween(10, 40);
            assertThat(fold.train().size() + fold.valid().size() + fold.test().size()).isEqualTo(140);
            assertThat(keys(fold.valid())).doesNotContainAnyElementsOf(keys(fold.test()))
                    .doesNotContainAnyElementsOf(keys(fold.train()));
        }
        assertThat(folds.get(0).test().size() + folds.get(1).test().size() + folds.get(2).test().size()
                + folds.get(3).test().size()).isEqualTo(140);
    }

    @Test
    void foldsOutOfRangeAreRefusedWithTheKeyPath() {
        assertThat(Sections.problems(new KFoldSplitterFactory(), "split", Map.of("folds", 1)))
                .anySatisfy(p -> assertThat(p).startsWith("split.folds:"));
        assertThat(Sections.problems(new KFoldSplitterFactory(), "split", Map.of("by", "item")))
                .anySatisfy(p -> assertThat(p).startsWith("split.by:"));
    }
}
