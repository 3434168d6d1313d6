package dev.m6rec.bench.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/** What a host would give the plugin: one pool of {@code threads} daemon threads, silent progress. */
final class BenchContext implements PluginContext, AutoCloseable {
    private final int threads;
    private final ExecutorService executor;

    BenchContext(int threads) {
        this.threads = threads;
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public long seed() {
        return 1;
    }

    @Override
    public String componentPath() {
        return "similarity";
    }

    @Override
    public RandomGenerator random(String purpose) {
        return new SplittableRandom(purpose.hashCode());
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
