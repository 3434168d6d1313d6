package dev.m6rec.runtime.server;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed pool of threads that answers requests, counting the exchanges accepted before
 * shutdown began, so that a graceful stop can wait for exactly those to finish.
 */
final class WorkerPool implements Executor {
    private final ExecutorService threads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean draining;

    WorkerPool(int size) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "m6rec-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable exchange) {
        boolean counted = !draining;
        if (counted) {
            inFlight.incrementAndGet();
        }
        try {
            threads.execute(() -> {
                try {
                    exchange.run();
                } finally {
                    if (counted) {
                        finished();
                    }
                }
            });
        } catch (RuntimeException e) {
            if (counted) {
                finished();
            }
            throw e;
        }
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Exchanges accepted and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    /** Stops counting new exchanges and waits until those counted have finished; false on timeout. */
    boolean drain(long timeoutMillis) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (idle) {
            while (inFlight.get() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idle.wait(left);
            }
        }
        return true;
    }

    void shutdown(long timeoutMillis) throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
            threads.shutdownNow();
        }
    }
}
