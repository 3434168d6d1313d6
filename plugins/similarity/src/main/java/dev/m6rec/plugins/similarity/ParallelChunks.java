package dev.m6rec.plugins.similarity;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work over {@code [0, total)} in chunks claimed from a shared counter by up to
 * {@code threads} workers, each with its own state (accumulators, heaps). The calling thread is
 * one of the workers and helpers that have not started by the time it runs out of chunks are
 * skipped, so a busy or saturated shared pool slows the work down but never deadlocks it.
 */
final class ParallelChunks {

    /** One worker's state; {@link #process} is called for each chunk it claims. */
    interface RangeWorker {
        void process(int from, int to);
    }

    /** For passes too short to report. */
    static final ProgressTask NO_PROGRESS = ProgressReporter.silent().begin("no progress", 0);

    private final ExecutorService executor;
    private final int threads;

    ParallelChunks(ExecutorService executor, int threads) {
        this.executor = executor;
        this.threads = Math.max(1, threads);
    }

    int threads() {
        return threads;
    }

    /**
     * Processes every chunk once and returns the workers that took part (at least one). Chunks
     * are claimed in increasing order, so put the heaviest work first.
     */
    <W extends RangeWorker> List<W> run(int total, int chunk, Supplier<W> newWorker, ProgressTask progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<W> workers = new ArrayList<>();
        Runnable body = () -> {
            W worker = newWorker.get();
            synchronized (workers) {
                workers.add(worker);
            }
            int from;
            while (failure.get() == null && (from = next.getAndAdd(chunk)) < total) {
                int to = (int) Math.min((long) from + chunk, total);
                worker.process(from, to);
                progress.advance(to - from);
            }
        };
        Gate gate = new Gate();
        for (int t = 1; t < threads && executor != null; t++) {
            try {
                executor.execute(() -> {
                    if (!gate.enter()) {
                        return;
                    }
                    try {
                        body.run();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        gate.exit();
                    }
                });
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        try {
            body.run();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        } finally {
            if (!gate.closeAndAwait()) {
                failure.compareAndSet(null, new CancellationException("interrupted"));
            }
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException re) {
            throw re;
        }
        if (error instanceof Error err) {
            throw err;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return workers;
    }

    /** Lets helpers in until the caller is done, then waits for those inside. */
    private static final class Gate {
        private int active;
        private boolean closed;

        synchronized boolean enter() {
            if (closed) {
                return false;
            }
            active++;
            return true;
        }

        synchronized void exit() {
            active--;
            notifyAll();
        }

        /** Returns false when the wait was interrupted (the interrupt flag is restored). */
        synchronized boolean closeAndAwait() {
            closed = true;
            boolean interrupted = false;
            while (active > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return !interrupted;
        }
    }
}
