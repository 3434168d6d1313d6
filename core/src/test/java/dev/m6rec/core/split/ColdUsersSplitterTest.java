package dev.m6rec.core.split;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ColdUsersSplitterTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Draws the users in index order: the first ones go to test, the next to valid. */
    private static final RandomGenerator IN_ORDER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public int nextInt(int bound) {
            return 0;
        }
    };

    /** 5 users; user 0's rows are out of time order in the file. */
    private static Dataset tiny(boolean timed) {
        int[][] rows = {{0, 0, 30}, {0, 1, 10}, {0, 2, 20}, {1, 3, 5}, {1, 4, 6}, {2, 0, 1}, {2, 1, 2}, {3, 2, 3},
                {3, 3, 4}, {4, 4, 7}};
        Interactions.Builder b = Interactions.builder(5, 5, false, timed);
        for (int[] r : rows) {
            b.add(r[0], r[1], 1, r[2]);
        }
        return new Dataset("tiny", IdIndex.range("u", 5), IdIndex.range("i", 5), b.build(), AttributeTable.empty(5),
                AttributeTable.empty(5), Map.of());
    }

    /** {@code user:item} of each row, in row order. */
    private static List<String> pairs(Interactions part) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < part.size(); r++) {
            out.add(part.user(r) + ":" + part.item(r));
        }
        return out;
    }

    @Test
    void holdsOutWholeUsersAndRevealsEachTestUsersOldestInteractionsToValid() {
        DataSplit split = new ColdUsersSplitter(0.4, 0.2, 1, IN_ORDER).split(tiny(true));
        // Users 0 and 1 are test users: their oldest interaction (0:1 at t=10, 1:3) is revealed.
        // User 2 is a validation user: all of it in valid. Users 3 and 4 train.
        assertThat(pairs(split.train())).containsExactly("3:2", "3:3", "4:4");
        assertThat(pairs(split.valid())).containsExactly("0:1", "1:3", "2:0", "2:1");
        assertThat(pairs(split.test())).containsExactly("0:0", "0:2", "1:4");
    }

    @Test
    void withoutTimestampsTheRevealedInteractionsAreTheFirstInTheFile() {
        DataSplit split = new ColdUsersSplitter(0.4, 0, 2, IN_ORDER).split(tiny(false));
        assertThat(pairs(split.train())).containsExactly("2:0", "2:1", "3:2", "3:3", "4:4");
        // User 1 has no more than 2 interactions: all revealed, no target.
        assertThat(pairs(split.valid())).containsExactly("0:0", "0:1", "1:3", "1:4");
        assertThat(pairs(split.test())).containsExactly("0:2");
    }

    /** 50 users with 8 interactions each at increasing timestamps. */
    private static Dataset fifty() {
        Interactions.Builder b = Interactions.builder(50, 40, true, true);
        long t = 1000;
        for (int k = 0; k < 8; k++) {
            for (int u = 0; u < 50; u++) {
                b.add(u, (u + 5 * k) % 40, 1 + k % 5, t++);
            }
        }
        return new Dataset("fifty", IdIndex.range("u", 50), IdIndex.range("i", 40), b.build(), AttributeTable.empty(50),
                AttributeTable.empty(40), Map.of());
    }

    private DataSplit split(Map<String, Object> section, long seed) {
        PluginContext context = new DefaultPluginContext(seed, "split", executor, 1, ProgressReporter.silent(),
                Path.of("."));
        return Sections.create(new ColdUsersSplitterFactory(), "split", section, context).split(fifty());
    }

    private static Set<Integer> users(Interactions part) {
        Set<Integer> users = new HashSet<>();
        for (int r = 0; r < part.size(); r++) {
            users.add(part.user(r));
        }
        return users;
    }

    private static Set<Long> times(Interactions part) {
        Set<Long> times = new HashSet<>();
        for (int r = 0; r < part.size(); r++) {
            times.add(part.timestamp(r));
        }
        return times;
    }

    @Test
    void isSeededLosesNothingAndNoHeldOutUserTrains() {
        DataSplit split = split(Map.of("reveal", 3), 42);
        Set<Integer> testUsers = users(split.test());
        Set<Integer> validOnly = new HashSet<>(users(split.valid()));
        validOnly.removeAll(testUsers);
        assertThat(testUsers).hasSize(10);
        assertThat(validOnly).hasSize(5);
        assertThat(users(split.train())).hasSize(35).doesNotContainAnyElementsOf(testUsers)
                .doesNotContainAnyElementsOf(validOnly);
        assertThat(split.train().size() + split.valid().size() + split.test().size()).isEqualTo(400);
        Set<Long> all = new HashSet<>(times(split.train()));
        all.addAll(times(split.valid()));
        all.addAll(times(split.test()));
        assertThat(all).hasSize(400);
        assertThat(split.test().size()).isEqualTo(10 * 5);
        assertThat(split.valid().size()).isEqualTo(10 * 3 + 5 * 8);

        assertThat(times(split(Map.of("reveal", 3), 42).test())).isEqualTo(times(split.test()));
        assertThat(users(split(Map.of("reveal", 3), 43).test())).isNotEqualTo(testUsers);
        // The same users are held out whatever is revealed, so runs with different reveals compare them.
        assertThat(users(split(Map.of(), 42).test())).isEqualTo(testUsers);
    }

    @Test
    void theRevealedInteractionsAreTheOldestAndAreKnownAtTestTime() {
        DataSplit split = split(Map.of("reveal", 3, "valid-share", 0), 7);
        assertThat(users(split.valid())).isEqualTo(users(split.test()));
        // What the pipeline knows when the test period starts: train + valid (PipelineTrainer's serving histories).
        SparseRows known = Interactions.concat(split.train(), split.valid()).byUser();
        SparseRows all = split.dataset().interactions().byUser();
        SparseRows test = split.test().byUser();
        for (int u : users(split.test())) {
            assertThat(known.row(u)).containsExactly(java.util.Arrays.copyOf(all.row(u), 3));
            assertThat(test.row(u)).containsExactly(java.util.Arrays.copyOfRange(all.row(u), 3, 8));
        }
    }

    @Test
    void someUsersMustTrain() {
        assertThat(Sections.problems(new ColdUsersSplitterFactory(), "split", Map.of("share", 0.9, "valid-share", 0.2)))
                .containsExactly("split.valid-share: share + valid-share must be < 1 so that some users train (sum was 1.1)");
        assertThat(Sections.problems(new ColdUsersSplitterFactory(), "split", Map.of("share", 0, "reveal", -1)))
                .containsExactlyInAnyOrder("split.share: must be > 0 (was 0)", "split.reveal: must be >= 0 (was -1)");
    }
}
