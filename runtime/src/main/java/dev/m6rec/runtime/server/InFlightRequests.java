package dev.m6rec.runtime.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests accepted and not yet answered, and the threads running endpoint code for them, so
 * that a graceful stop waits for exactly those. A request whose thread called {@code System.exit}
 * (a plugin can; modern Java cannot intercept it) never finishes: it waits inside the JVM's exit
 * for the shutdown hook that is waiting here. Such requests are not waited for, so that a stop
 * started by an exit ends at once instead of after the whole grace period.
 */
final class InFlightRequests {
    private static final long POLL_MILLIS = 20;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    void begin() {
        count.incrementAndGet();
    }

    void end() {
        count.decrementAndGet();
    }

    /** Runs endpoint code on the calling thread, which is watched for an exit meanwhile. */
    <T> T run(java.util.function.Supplier<T> endpoint) {
        Thread self = Thread.currentThread();
        running.add(self);
        try {
            return endpoint.get();
        } finally {
            running.remove(self);
        }
    }

    /** Requests accepted and not yet answered. */
    int count() {
        return count.get();
    }

    /** Whether a request's thread is inside {@code System.exit} (so it will never finish). */
    boolean anyCalledExit() {
        return running.stream().anyMatch(InFlightRequests::inExit);
    }

    /** Waits until every request that can still finish has; false when {@code timeoutMillis} passed first. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long stuck = running.stream().filter(InFlightRequests::inExit).count();
            if (count.get() - stuck <= 0) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static boolean inExit(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals("java.lang.Shutdown")
                    || (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit"))) {
                return true;
            }
        }
        return false;
    }
}
