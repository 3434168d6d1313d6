package dev.m6rec.api;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/**
 * What the host gives a component: seeded randomness, a thread pool, progress reporting and
 * path resolution. Components never create unseeded randomness or their own thread pools.
 *
 * <pre>{@code
 * RandomGenerator rng = context.random("negative-sampling");   // same seed, same draws
 * try (ProgressTask task = context.progress().begin("epochs", epochs)) { ... task.advance(1); }
 * }</pre>
 */
public interface PluginContext {

    /** The run's seed (from {@code seed:} in YAML). */
    long seed();

    /** The config path of the component this context belongs to, e.g. {@code interest}. */
    String componentPath();

    /**
     * A generator seeded from the run seed, the component path and {@code purpose}: two calls with
     * the same purpose give identical sequences; different purposes give independent streams.
     */
    RandomGenerator random(String purpose);

    /** A shared pool for parallel work; {@link #threads()} tasks run at once. */
    ExecutorService executor();

    /** How many threads the component may keep busy. */
    int threads();

    /** Where progress of long work goes (the CLI draws it; an embedding host may log it). */
    ProgressReporter progress();

    /** Resolves a path from config against the directory of the config file. */
    Path resolve(String path);
}
