package dev.m6rec.runtime.cli;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress for a person watching: timestamped lines on stderr with done/total, rate and ETA. On a
 * terminal a task's line is redrawn in place; otherwise (a log, a pipe) each update is a plain line.
 *
 * <p>A task's line shows its units done and its latest status. A status set with {@code message}
 * is shown with the count of the {@code advance} that follows it (models report an epoch's loss and
 * then count the epoch, so the line reads {@code epochs 1/30: epoch 1 ...}, never {@code 0/30}); a
 * status that no advance follows within a second (a long phase just named, such as EASE's
 * inversion) is shown by a ticker so the step running is always named. Lines come at most once a
 * second per task; a task's end is printed only when it shows something new, and not at all for
 * a task without status that took under a second (an epoch's batches).
 */
final class ConsoleProgress implements ProgressReporter {
    private static final long THROTTLE_NANOS = 1_000_000_000L;
    /** One daemon thread shared by every console: it only prints lines that are already due. */
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "m6rec-progress");
        t.setDaemon(true);
        return t;
    });

    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final boolean tick;
    private final long start;
    /** The task whose line was drawn last without a newline (terminal only), or null. */
    private Task open;

    ConsoleProgress(PrintStream err) {
        this(err, isTerminal(), System::nanoTime, true);
    }

    /** Whether the CLI's output goes to a terminal (not a file, a pipe, or a test's buffer). */
    static boolean isTerminal() {
        return System.console() != null;
    }

    /**
     * @param terminal whether to redraw a task's line in place
     * @param clock    nanoseconds, for the timestamps, the throttle and the ETA
     * @param tick     whether a ticker prints statuses no advance follows (tests call {@link Task#flush})
     */
    ConsoleProgress(PrintStream err, boolean terminal, LongSupplier clock, boolean tick) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.tick = tick;
        this.start = clock.getAsLong();
    }

    @Override
    public synchronized void info(String message) {
        endOpenLine();
        err.printf("%s %s%n", stamp(), message);
    }

    private String stamp() {
        return String.format(Locale.ROOT, "[%6.1fs]", (clock.getAsLong() - start) / 1e9);
    }

    private void endOpenLine() {
        if (open != null) {
            err.println();
            open = null;
        }
    }

    /** Clears {@code task}'s line if it is the one drawn last on a terminal. */
    private synchronized void erase(Task task) {
        if (open == task) {
            err.print("\r\u001b[K");
            err.flush();
            open = null;
        }
    }

    /** Ends {@code task}'s line if it is the one drawn last on a terminal. */
    private synchronized void endLine(Task task) {
        if (open == task) {
            endOpenLine();
        }
    }

    private synchronized void draw(Task task, String line, boolean last) {
        if (!terminal) {
            err.printf("%s %s%n", stamp(), line);
            return;
        }
        if (open != task) {
            endOpenLine();
        }
        err.print("\r" + stamp() + " " + line + "\u001b[K");
        if (last) {
            err.println();
            open = null;
        } else {
            open = task;
        }
        err.flush();
    }

    @Override
    public Task begin(String name, long total) {
        return new Task(name, total);
    }

    /** One task's state; every method is synchronized on the task. */
    final class Task implements ProgressTask {
        private final String name;
        private final long total;
        private final long begun = clock.getAsLong();
        private final ScheduledFuture<?> ticker;
        private long done;
        private String status = "";
        private String shown;
        private String shownState;
        /** No line before the task has run a second: quick work needs none. */
        private long lastDraw = begun;

        private Task(String name, long total) {
            this.name = name;
            this.total = total;
            this.ticker = tick ? TICKER.scheduleAtFixedRate(this::flush, 1, 1, TimeUnit.SECONDS) : null;
        }

        @Override
        public synchronized void advance(long units) {
            done += units;
            print(false, false);
        }

        @Override
        public synchronized void message(String message) {
            status = message == null ? "" : message;
        }

        /** Prints the task's line if it changed and the last one is a second old (the ticker's call). */
        synchronized void flush() {
            print(false, false);
        }

        @Override
        public synchronized void close() {
            if (ticker != null) {
                ticker.cancel(false);
            }
            print(true, true);
        }

        /** Ends the task without a last line, erasing its line on a terminal (a summary line follows). */
        synchronized void closeQuietly() {
            if (ticker != null) {
                ticker.cancel(false);
            }
            erase(this);
        }

        /**
         * Draws the line when what it says changed: the count or the status, or on a terminal also
         * the rate and ETA (redrawn in place); a log gets no line that only the clock changed.
         */
        private void print(boolean force, boolean last) {
            long now = clock.getAsLong();
            if (last && shown == null && status.isEmpty() && now - begun < THROTTLE_NANOS) {
                return;                      // a sub-step done within a second (an epoch's batches) needs no line
            }
            String state = done + "\n" + status;
            String line = line(now);
            boolean changed = !state.equals(shownState) || (terminal && !line.equals(shown));
            if (!changed) {
                if (last) {
                    endLine(this);
                }
                return;
            }
            if (!force && now - lastDraw < THROTTLE_NANOS) {
                return;
            }
            lastDraw = now;
            shown = line;
            shownState = state;
            draw(this, line, last);
        }

        /** {@code name done/total (rate/s, ETA 2m 05s): status}; the rate and ETA once there is one. */
        String line(long now) {
            StringBuilder line = new StringBuilder(name).append(' ').append(done);
            if (total > 0) {
                line.append('/').append(total);
            }
            double seconds = (now - begun) / 1e9;
            if (done > 0 && seconds >= 1) {
                double rate = done / seconds;
                line.append(String.format(Locale.ROOT, " (%s/s", rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate)
                        : String.format(Locale.ROOT, "%.2f", rate)));
                if (total > done) {
                    line.append(", ETA ").append(duration((total - done) / rate));
                }
                line.append(')');
            }
            return status.isEmpty() ? line.toString() : line.append(": ").append(status).toString();
        }
    }

    /** {@code 45s}, {@code 2m 05s}, {@code 1h 02m}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
