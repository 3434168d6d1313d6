package dev.m6rec.runtime.server;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request durations in fixed buckets (seconds, Prometheus style: each bucket counts durations at
 * or below its bound). Lock-free; recording is a few adds.
 */
final class LatencyHistogram {
    static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** The bounds as they appear in {@code le} labels: plain decimals, no trailing zeros ("0.0005", "1", "10"). */
    static final String[] LABELS = Arrays.stream(BOUNDS)
            .mapToObj(b -> BigDecimal.valueOf(b).stripTrailingZeros().toPlainString())
            .toArray(String[]::new);
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram() {
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] = new LongAdder();
        }
    }

    void record(long nanos) {
        double seconds = nanos / 1e9;
        int b = 0;
        while (b < BOUNDS.length && seconds > BOUNDS[b]) {
            b++;
        }
        buckets[b].increment();
        sum.add(seconds);
    }

    /** Cumulative counts per bound, the last one (+Inf) being the total. */
    long[] cumulative() {
        long[] out = new long[buckets.length];
        long running = 0;
        for (int b = 0; b < buckets.length; b++) {
            running += buckets[b].sum();
            out[b] = running;
        }
        return out;
    }

    double sum() {
        return sum.sum();
    }
}
