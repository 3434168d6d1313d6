package dev.m6rec.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.PluginContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkedParallelForTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** The chunks the sequential default of PluginContext.parallelFor runs. */
    private static List<String> sequentialChunks(int from, int to) {
        List<String> chunks = new ArrayList<>();
        new PluginContext() {
            public long seed() {
                return 0;
            }

            public String componentPath() {
                return "";
            }

            public java.util.random.RandomGenerator random(String purpose) {
                throw new UnsupportedOperationException();
            }

            public ExecutorService executor() {
                throw new UnsupportedOperationException();
            }

            public int threads() {
                return 1;
            }

            public dev.m6rec.api.ProgressReporter progress() {
                return dev.m6rec.api.ProgressReporter.silent();
            }

            public java.nio.file.Path resolve(String path) {
                throw new UnsupportedOperationException();
            }
        }.parallelFor(from, to, (lo, hi) -> chunks.add(lo + "-" + hi));
        return chunks;
    }

    @Test
    void coversTheRangeOnceInTheSameChunksWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 4}) {
            List<String> chunks = Collections.synchronizedList(new ArrayList<>());
            int[] hits = new int[1000];
            ChunkedParallelFor.run(pool, threads, 7, 1007, (lo, hi) -> {
                chunks.add(lo + "-" + hi);
                for (int i = lo; i < hi; i++) {
                    hits[i - 7]++;
                }
            });
            assertThat(hits).containsOnly(1);
            assertThat(chunks).hasSize(PluginContext.PARALLEL_CHUNKS)
                    .containsExactlyInAnyOrderElementsOf(sequentialChunks(7, 1007));
        }
    }

    @Test
    void aFailingChunkFailsTheCallWithItsException() {
        assertThatThrownBy(() -> ChunkedParallelFor.run(pool, 3, 0, 100, (lo, hi) -> {
            if (lo <= 50 && 50 < hi) {
                throw new IllegalArgumentException("chunk at 50");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("chunk at 50");
    }

    @Test
    void aCallFromInsideAFullPoolOrOnAStoppedPoolStillFinishes() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            int[] sum = new int[1];
            Future<?> outer = single.submit(() -> ChunkedParallelFor.run(single, 4, 0, 10,
                    (lo, hi) -> {
                        synchronized (sum) {
                            sum[0] += hi - lo;
                        }
                    }));
            outer.get(10, TimeUnit.SECONDS);
            assertThat(sum[0]).isEqualTo(10);
        } finally {
            single.shutdownNow();
        }
        int[] count = new int[1];
        ChunkedParallelFor.run(single, 4, 0, 5, (lo, hi) -> count[0] += hi - lo);
        assertThat(count[0]).isEqualTo(5);
    }
}
