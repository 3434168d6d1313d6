package dev.m6rec.plugins.baselines;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/** A plugin context for tests: seeded randomness, a shared two-thread daemon pool, recorded progress. */
final class TestContext implements PluginContext {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "baselines-test");
        t.setDaemon(true);
        return t;
    });
    private final long seed;
    private final int threads;
    final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    final List<Long> advances = Collections.synchronizedList(new ArrayList<>());

    TestContext(long seed) {
        this(seed, 2);
    }

    TestContext(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public String componentPath() {
        return "interest";
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(seed * 31 + purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        return POOL;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public ProgressReporter progress() {
        return new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
                        advances.add(units);
                    }

                    @Override
                    public void message(String message) {
                        messages.add(message);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void info(String message) {
                messages.add(message);
            }
        };
    }

    @Override
    public Path resolve(String path) {
        return Path.of(path);
    }
}
