package dev.m6rec.runtime.cli;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.io.PrintStream;

/**
 * Progress for a terminal user: timestamped lines on stderr, a task's line at most once a second
 * (and at its end), so long work is visible without flooding logs.
 */
final class ConsoleProgress implements ProgressReporter {
    private static final long THROTTLE_NANOS = 1_000_000_000L;
    private final PrintStream err;
    private final long start = System.nanoTime();

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void info(String message) {
        err.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, message);
    }

    @Override
    public ProgressTask begin(String name, long total) {
        return new ProgressTask() {
            private long done;
            private String message = "";
            private long lastPrint = System.nanoTime();

            @Override
            public synchronized void advance(long units) {
                done += units;
                maybePrint(false);
            }

            @Override
            public synchronized void message(String text) {
                message = text;
                maybePrint(false);
            }

            @Override
            public synchronized void close() {
                maybePrint(true);
            }

            private void maybePrint(boolean force) {
                long now = System.nanoTime();
                if (!force && now - lastPrint < THROTTLE_NANOS) {
                    return;
                }
                lastPrint = now;
                String count = total > 0 ? done + "/" + total : String.valueOf(done);
                info(name + " " + count + (message.isEmpty() ? "" : ": " + message));
            }
        };
    }
}
