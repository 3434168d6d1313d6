package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/** A plugin context for tests: seeded streams per purpose, and progress lines collected in a list. */
public final class TestContext implements PluginContext {
    private final long seed;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public TestContext(long seed) {
        this.seed = seed;
    }

    /** Everything reported through {@link #progress()}, in order. */
    public List<String> messages() {
        return messages;
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
        return Executors.newSingleThreadExecutor();
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public ProgressReporter progress() {
        return new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
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
