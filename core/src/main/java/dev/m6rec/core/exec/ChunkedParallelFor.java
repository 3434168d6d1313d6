package dev.m6rec.core.exec;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.RangeBody;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link PluginContext#parallelFor} on a shared pool: the range is cut into the same chunks as the
 * sequential default, and the calling thread plus up to {@code threads - 1} pool tasks claim chunks
 * until none is left. The caller always takes part, so a call from a pool thread, or on a pool that
 * is busy or shut down, still finishes (on the caller alone) instead of waiting for workers that
 * never start.
 */
public final class ChunkedParallelFor {
    private ChunkedParallelFor() {
    }

    /** How many chunks a range of {@code n} indexes is cut into. */
    public static int chunks(int n) {
        return Math.min(n, PluginContext.PARALLEL_CHUNKS);
    }

    /** The offset of chunk {@code c} in a range of {@code n} indexes cut into {@code chunks}; {@code c == chunks} gives {@code n}. */
    public static int chunkStart(int n, int chunks, int c) {
        return chunks == 0 ? 0 : (int) ((long) n * c / chunks);
    }

    public static void run(ExecutorService pool, int threads, int from, int to, RangeBody body) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int chunks = chunks(n);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    if (failure.get() == null) {
                        body.run(from + chunkStart(n, chunks, c), from + chunkStart(n, chunks, c + 1));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    synchronized (done) {
                        if (done.incrementAndGet() == chunks) {
                            done.notifyAll();
                        }
                    }
                }
            }
        };
        for (int w = 1; w < Math.min(threads, chunks); w++) {
            try {
                pool.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        worker.run();
        synchronized (done) {
            while (done.get() < chunks) {
                try {
                    done.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for parallel chunks", e);
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
