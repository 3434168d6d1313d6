package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/** A plugin context for tests: a fixed thread pool of {@code threads}, seeded randomness, silent progress. */
final class TestContext implements PluginContext, AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    TestContext(int threads) {
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "similarity-test");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public String componentPath() {
        return "similarity";
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(42 ^ purpose.hashCode());
    }

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public ProgressReporter progress() {
        return ProgressReporter.silent();
    }

    @Override
    public Path resolve(String path) {
        return Path.of(path);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
