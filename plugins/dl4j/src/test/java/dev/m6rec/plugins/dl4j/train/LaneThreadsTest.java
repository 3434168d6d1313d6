package dev.m6rec.plugins.dl4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

class LaneThreadsTest {

    @Test
    void everyLaneRunsOncePerPhaseLaneZeroOnTheCaller() {
        try (LaneThreads threads = new LaneThreads(3, "test-lane")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(3);
            for (int phase = 0; phase < 1000; phase++) {
                threads.run(j -> {
                    runs.incrementAndGet(j);
                    ranOn.set(j, Thread.currentThread());
                });
            }
            assertThat(threads.lanes()).isEqualTo(3);
            for (int j = 0; j < 3; j++) {
                assertThat(runs.get(j)).as("lane " + j).isEqualTo(1000);
            }
            assertThat(ranOn.get(0)).isSameAs(Thread.currentThread());
            assertThat(ranOn.get(1)).isNotSameAs(ranOn.get(0)).isNotSameAs(ranOn.get(2));
            assertThat(ranOn.get(1).getName()).isEqualTo("test-lane-1");
        }
    }

    @Test
    void aPhaseReturnsOnlyWhenEveryLaneIsDoneAndItsWritesAreSeen() {
        try (LaneThreads threads = new LaneThreads(2, "test-lane")) {
            long[] sums = new long[2];
            for (int phase = 1; phase <= 200; phase++) {
                int n = phase;
                threads.run(j -> {
                    long sum = 0;
                    for (int i = 0; i < 10_000 * (j + 1); i++) {
                        sum += i % n;
                    }
                    sums[j] = sum;   // a plain write, published by the phase's end
                });
                long want = 0;
                for (int i = 0; i < 20_000; i++) {
                    want += i % n;
                }
                assertThat(sums[1]).as("phase " + phase).isEqualTo(want);
            }
        }
    }

    @Test
    void aLaneFailureIsThrownToTheCallerAndTheThreadsGoOn() {
        try (LaneThreads threads = new LaneThreads(2, "test-lane")) {
            assertThatThrownBy(() -> threads.run(j -> {
                if (j == 1) {
                    throw new IllegalArgumentException("lane 1 failed");
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("lane 1 failed");
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            threads.run(runs::incrementAndGet);
            assertThat(runs.get(1)).isEqualTo(1);
        }
    }

    @Test
    void aParkedThreadWakesForTheNextPhase() throws InterruptedException {
        try (LaneThreads threads = new LaneThreads(2, "test-lane")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(2);
            threads.run(runs::incrementAndGet);
            Thread.sleep(3 * LaneThreads.SPIN_NANOS / 1_000_000);   // past the spin: the thread parks
            threads.run(runs::incrementAndGet);
            assertThat(runs.get(1)).isEqualTo(2);
        }
    }

    @Test
    void closedThreadsStopAndRefuseWork() throws InterruptedException {
        LaneThreads threads = new LaneThreads(2, "test-lane");
        AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(2);
        threads.run(j -> ranOn.set(j, Thread.currentThread()));
        threads.close();
        ranOn.get(1).join(5_000);
        assertThat(ranOn.get(1).isAlive()).isFalse();
        assertThatThrownBy(() -> threads.run(j -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneLaneRunsOnTheCallerAlone() {
        try (LaneThreads threads = new LaneThreads(1, "test-lane")) {
            AtomicReferenceArray<Thread> ranOn = new AtomicReferenceArray<>(1);
            threads.run(j -> ranOn.set(j, Thread.currentThread()));
            assertThat(ranOn.get(0)).isSameAs(Thread.currentThread());
        }
        assertThatThrownBy(() -> new LaneThreads(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
