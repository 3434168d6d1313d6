package dev.m6rec.plugins.dl4j.train;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fused kernel's own threads: {@link #run} runs one task per lane, lane 0 on the caller and the
 * others on threads of their own, and returns when every lane is done. A training step is a few
 * hundred microseconds, in several such phases with short serial stretches between them, so the
 * threads spin (for up to {@link #SPIN_NANOS}) before they park. Measured on the mlp benchmark (2
 * vCPUs) with an executor instead: the second lane, woken from a park for each phase, finished
 * about 75 µs after the caller's in a phase of about 200 µs (waking an idle virtual CPU goes
 * through the hypervisor), and with spinning lanes the two-thread speed-up went from 1.23× to
 * about 1.4× without history pooling.
 *
 * <p>The caller must not call {@link #run} from two threads at once; {@link #close} stops the
 * threads.
 */
public final class LaneThreads implements AutoCloseable {
    /** How long an idle lane thread spins for the next phase before it parks. */
    static final long SPIN_NANOS = 2_000_000L;
    /** Spins before a waiting thread yields its core instead (a few tens of microseconds). */
    private static final int YIELD_AFTER_SPINS = 1 << 12;

    private final Worker[] workers;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private long phase;

    /** {@code lanes} lanes: the caller's and {@code lanes - 1} threads named {@code name}. */
    public LaneThreads(int lanes, String name) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be >= 1 (was " + lanes + ")");
        }
        workers = new Worker[lanes - 1];
        for (int j = 0; j < workers.length; j++) {
            workers[j] = new Worker(j + 1);
            Thread thread = new Thread(workers[j], name + "-" + (j + 1));
            thread.setDaemon(true);
            workers[j].thread = thread;
            thread.start();
        }
    }

    public int lanes() {
        return workers.length + 1;
    }

    /**
     * Runs {@code lane.accept(j)} for every lane {@code j}, lane 0 on this thread, and returns
     * when all are done; a lane's failure is rethrown here (the first lane's first).
     */
    public void run(IntConsumer lane) {
        if (closed) {
            throw new IllegalStateException("the lane threads are closed");
        }
        if (workers.length == 0) {
            lane.accept(0);
            return;
        }
        task = lane;
        long current = ++phase;
        for (Worker w : workers) {
            w.failure = null;
            w.posted = current;
            if (w.parked) {
                LockSupport.unpark(w.thread);
            }
        }
        Throwable failure = null;
        try {
            lane.accept(0);
        } catch (Throwable t) {
            failure = t;
        }
        for (Worker w : workers) {
            for (int spins = 0; w.finished != current; spins++) {
                pause(spins);
            }
            if (failure == null) {
                failure = w.failure;
            }
        }
        task = null;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * One turn of a wait that has spun {@code spins} times: a spin hint, then, past a few tens of
     * microseconds, a yield, so that with more threads than cores the awaited one gets the core.
     */
    private static void pause(int spins) {
        if (spins < YIELD_AFTER_SPINS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Stops the threads (they finish a phase in progress first). */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    private final class Worker implements Runnable {
        private final int lane;
        private Thread thread;
        private volatile long posted;
        private volatile long finished;
        private volatile boolean parked;
        private volatile Throwable failure;

        Worker(int lane) {
            this.lane = lane;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long idleSince = System.nanoTime();
                int spins = 0;
                while (posted == seen) {
                    if (closed) {
                        return;
                    }
                    if ((++spins & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                        pause(spins);
                        continue;
                    }
                    // Announce the park before the last look, so run() either sees it or sees no park.
                    parked = true;
                    if (posted == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
                seen = posted;
                try {
                    task.accept(lane);
                } catch (Throwable t) {
                    failure = t;
                }
                finished = seen;
            }
        }
    }
}
