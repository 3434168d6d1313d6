package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ChunkWorkersTest {

    /** Counts visits per index and fails when two chunks use it at once. */
    private static final class Marker implements RangeBody {
        private final AtomicIntegerArray visits;
        private final AtomicBoolean busy = new AtomicBoolean();

        Marker(AtomicIntegerArray visits) {
            this.visits = visits;
        }

        @Override
        public void run(int from, int to) {
            if (!busy.compareAndSet(false, true)) {
                throw new IllegalStateException("a worker serves two chunks at once");
            }
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
            Thread.yield();
            busy.set(false);
        }
    }

    @Test
    void everyIndexOnceAndAWorkerNeverServesTwoChunksAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicIntegerArray visits = new AtomicIntegerArray(10_007);
            AtomicLong advanced = new AtomicLong();
            List<Marker> workers = ChunkWorkers.run(new ConcurrentChunks(pool, 4), visits.length(),
                    () -> new Marker(visits), counting(advanced));

            assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            for (int i = 0; i < visits.length(); i++) {
                assertThat(visits.get(i)).as("index %d", i).isEqualTo(1);
            }
            assertThat(advanced.get()).isEqualTo(visits.length());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void chunksRunOneAfterAnotherShareOneWorker() {
        AtomicIntegerArray visits = new AtomicIntegerArray(1_000);
        List<Marker> workers = ChunkWorkers.run(new RecordingPluginContext(1, "similarity", 1, Path.of(".")),
                visits.length(), () -> new Marker(visits), ProgressReporter.silent().begin("chunks", 0));

        assertThat(workers).hasSize(1);
        assertThat(visits.get(999)).isEqualTo(1);
    }

    private static ProgressTask counting(AtomicLong advanced) {
        return new ProgressTask() {
            @Override
            public void advance(long units) {
                advanced.addAndGet(units);
            }

            @Override
            public void message(String message) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** A context whose parallelFor runs the default chunks concurrently on {@code threads} pool threads. */
    private static final class ConcurrentChunks implements PluginContext {
        private final RecordingPluginContext base = new RecordingPluginContext(1, "similarity");
        private final ExecutorService pool;
        private final int threads;

        ConcurrentChunks(ExecutorService pool, int threads) {
            this.pool = pool;
            this.threads = threads;
        }

        @Override
        public void parallelFor(int from, int to, RangeBody body) {
            List<Future<?>> chunks = new ArrayList<>();
            PluginContext.super.parallelFor(from, to, (lo, hi) -> chunks.add(pool.submit(() -> body.run(lo, hi))));
            try {
                for (Future<?> chunk : chunks) {
                    chunk.get();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long seed() {
            return base.seed();
        }

        @Override
        public String componentPath() {
            return base.componentPath();
        }

        @Override
        public RandomGenerator random(String purpose) {
            return base.random(purpose);
        }

        @Override
        public ExecutorService executor() {
            return pool;
        }

        @Override
        public int threads() {
            return threads;
        }

        @Override
        public ProgressReporter progress() {
            return base.progress();
        }

        @Override
        public Path resolve(String path) {
            return base.resolve(path);
        }
    }
}
