package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelRangesTest {

    @Test
    void runsEveryTaskExactlyOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        new ParallelRanges(new RecordingPluginContext(1, "interest").executor(), 2).forEach(1000, runs::incrementAndGet);

        for (int t = 0; t < runs.length(); t++) {
            assertThat(runs.get(t)).as("task %d", t).isEqualTo(1);
        }
    }

    @Test
    void rethrowsTheFailureOfATask() {
        ParallelRanges parallel = new ParallelRanges(new RecordingPluginContext(1, "interest").executor(), 2);

        assertThatThrownBy(() -> parallel.forEach(50, t -> {
            if (t == 17) {
                throw new IllegalStateException("task 17 failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("task 17 failed");
    }

    @Test
    void finishesWhenCalledFromInsideASaturatedPool() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(64);
            Future<?> outer = single.submit(() -> new ParallelRanges(single, 2).forEach(64, runs::incrementAndGet));

            outer.get(30, TimeUnit.SECONDS); // the only pool thread is the caller: it must do every task itself
            for (int t = 0; t < runs.length(); t++) {
                assertThat(runs.get(t)).isEqualTo(1);
            }
        } finally {
            single.shutdownNow();
        }
    }
}
