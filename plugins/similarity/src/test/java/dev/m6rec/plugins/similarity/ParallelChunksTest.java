package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelChunksTest {

    /** Marks each index it processes; counts visits per index. */
    private static final class Marker implements ParallelChunks.RangeWorker {
        private final AtomicIntegerArray visits;

        Marker(AtomicIntegerArray visits) {
            this.visits = visits;
        }

        @Override
        public void process(int from, int to) {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        }
    }

    @Test
    void processesEveryIndexExactlyOnceWithSeveralWorkers() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray visits = new AtomicIntegerArray(10_007);
            List<Marker> workers = new ParallelChunks(pool, 4).run(10_007, 13, () -> new Marker(visits),
                    ParallelChunks.NO_PROGRESS);

            assertThat(workers).isNotEmpty().hasSizeLessThanOrEqualTo(4);
            for (int i = 0; i < visits.length(); i++) {
                assertThat(visits.get(i)).as("index %d", i).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void finishesOnTheCallingThreadWhenThePoolIsBusy() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicIntegerArray visits = new AtomicIntegerArray(500);
            List<Marker> workers = new ParallelChunks(pool, 2).run(500, 7, () -> new Marker(visits),
                    ParallelChunks.NO_PROGRESS);

            assertThat(workers).hasSize(1);
            assertThat(visits.get(499)).isEqualTo(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void rethrowsAWorkersFailure() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ParallelChunks parallel = new ParallelChunks(pool, 2);
            assertThatThrownBy(() -> parallel.run(1_000, 10, () -> (from, to) -> {
                if (from >= 500) {
                    throw new IllegalStateException("chunk " + from + " failed");
                }
            }, ParallelChunks.NO_PROGRESS)).isInstanceOf(IllegalStateException.class).hasMessageMatching("chunk (5|6|7|8|9)[0-9]0 failed");
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
