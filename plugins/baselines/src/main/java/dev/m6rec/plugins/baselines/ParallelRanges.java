package dev.m6rec.plugins.baselines;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs numbered tasks {@code 0..tasks-1} on the host's pool with the calling thread taking part.
 * Tasks are claimed from a shared counter, so the caller never waits for a task that has not
 * started: it cannot deadlock even when it already runs inside the same (possibly saturated) pool.
 * Each task must write only to its own part of the output, which keeps results independent of
 * how tasks were spread over threads.
 */
final class ParallelRanges {
    private final ExecutorService executor;
    private final int threads;

    ParallelRanges(ExecutorService executor, int threads) {
        this.executor = requireNonNull(executor, "executor is null");
        this.threads = Math.max(1, threads);
    }

    /** Runs {@code body} once for every task number; rethrows the first failure after all tasks ended. */
    void forEach(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        if (threads == 1 || tasks == 1) {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(tasks);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int t = next.getAndIncrement(); t < tasks; t = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        body.accept(t);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }
        };
        int helpers = Math.min(threads, tasks) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // a pool that is shutting down: the caller does the rest alone
            }
        }
        worker.run();
        awaitUninterruptibly(finished);
        Throwable e = failure.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
