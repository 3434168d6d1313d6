package dev.m6rec.bench.spark;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times the benchmark's steps and samples memory while each runs. On {@code local[2]} the driver
 * and both executor threads are one JVM, so "driver" and "executor" memory are the same process:
 * what is sampled (every {@value #SAMPLE_MILLIS} ms on a daemon thread, plus once at each step's
 * start and end) is the JVM's heap in use ({@link MemoryMXBean}, which counts garbage not yet
 * collected, so it is the heap's high-water mark rather than live data) and the process's resident
 * set ({@code VmRSS} of {@code /proc/self/status}: heap, Spark's off-heap buffers, native BLAS,
 * metaspace and thread stacks). Each step reports the peaks reached during it, and the seconds the
 * JVM's collectors spent during it (a step near the heap's limit shows it here first).
 *
 * <pre>{@code
 * StepMeter meter = new StepMeter();
 * long kept = meter.measure("k-core", rowsIn, "rows", () -> steps.kCore(rowsIn));
 * meter.figures().forEach(f -> System.out.println(f.line()));
 * }</pre>
 */
final class StepMeter implements AutoCloseable {
    static final int SAMPLE_MILLIS = 50;
    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong heapPeak = new AtomicLong();
    private final AtomicLong rssPeak = new AtomicLong();
    private final List<Figures> figures = new ArrayList<>();
    private final Thread sampler;

    /** One step's wall time, what it processed ({@code rows} of {@code unit}: rows, users) and the memory peaks during it. */
    record Figures(String step, double seconds, long rows, String unit, long heapPeakBytes, long rssPeakBytes,
                   double gcSeconds) {
        static final String HEADER = String.format(Locale.ROOT, "%-20s %9s %12s %-5s %12s %9s %9s %7s",
                "step", "seconds", "count", "of", "per second", "heap MB", "RSS MB", "GC s");

        double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : Double.NaN;
        }

        String line() {
            return String.format(Locale.ROOT, "%-20s %9.2f %,12d %-5s %,12.0f %,9d %,9d %7.2f", step, seconds, rows,
                    unit, rowsPerSecond(), heapPeakBytes >> 20, rssPeakBytes >> 20, gcSeconds);
        }

        /** Tab-separated, for comparing scales: step, seconds, count, unit, heap bytes, RSS bytes, GC seconds. */
        String tsv() {
            return String.join("\t", step, String.format(Locale.ROOT, "%.3f", seconds), Long.toString(rows), unit,
                    Long.toString(heapPeakBytes), Long.toString(rssPeakBytes), String.format(Locale.ROOT, "%.3f", gcSeconds));
        }
    }

    /** A step: its work, returning how many rows it produced (0 when that means nothing). */
    @FunctionalInterface
    interface Step {
        long run() throws Exception;
    }

    StepMeter() {
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-memory-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * Runs {@code step}, printing and keeping its figures; the rate is counted in {@code rows} of
     * {@code unit} (its input rows, or the users it scores). Returns what the step returned.
     */
    long measure(String name, long rows, String unit, Step step) throws Exception {
        return run(name, rows, unit, step);
    }

    private long run(String name, long rows, String unit, Step step) throws Exception {
        heapPeak.set(0);
        rssPeak.set(0);
        sample();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        long result = step.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double gcSeconds = (gcMillis() - gc0) / 1000.0;
        sample();
        Figures f = new Figures(name, seconds, rows >= 0 ? rows : result, unit, heapPeak.get(), rssPeak.get(),
                gcSeconds);
        figures.add(f);
        System.out.println(f.line());
        return result;
    }

    /** As {@link #measure(String, long, String, Step)}, counting the rate in the rows the step returns (rows it produced). */
    long measure(String name, Step step) throws Exception {
        return run(name, -1, "rows", step);
    }

    List<Figures> figures() {
        return List.copyOf(figures);
    }

    /** The seconds of a measured step. */
    double seconds(String step) {
        return figures.stream().filter(f -> f.step().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + step)).seconds();
    }

    /** Milliseconds every collector has spent since the JVM started (approximate, as the JVM counts them). */
    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private void sample() {
        heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        rssPeak.accumulateAndGet(residentBytes(), Math::max);
    }

    /** VmRSS in bytes, or 0 where /proc is not there (the figures then say 0, not a guess). */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
