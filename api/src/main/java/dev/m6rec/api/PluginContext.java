package dev.m6rec.api;

import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.similarity.SimilarityModel;
import java.nio.file.Path;
import java.util.Optional;
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

    /**
     * A shared pool for parallel work; {@link #threads()} tasks run at once. It belongs to the host
     * and lives as long as the run (or the served pipeline): use it during {@code fit}, {@code load}
     * and scoring calls, never keep work running on it past them, and never shut it down.
     */
    ExecutorService executor();

    /** How many chunks {@link #parallelFor} cuts a range into at most. */
    int PARALLEL_CHUNKS = 256;

    /**
     * Runs {@code body} over {@code [from, to)} cut into at most {@link #PARALLEL_CHUNKS} chunks
     * whose bounds depend on {@code from} and {@code to} alone, on up to {@link #threads()} threads,
     * and returns when every chunk is done; the first exception a chunk throws is rethrown. Results are
     * the same whatever the thread count as long as each chunk writes only its own outputs (reduce
     * per-chunk partial results in chunk order afterwards).
     *
     * <pre>{@code
     * context.parallelFor(0, users, (lo, hi) -> { for (int u = lo; u < hi; u++) scores[u] = score(u); });
     * }</pre>
     */
    default void parallelFor(int from, int to, RangeBody body) {
        int n = to - from;
        int chunks = Math.min(n, PARALLEL_CHUNKS);
        for (int c = 0; c < chunks; c++) {
            body.run(from + (int) ((long) n * c / chunks), from + (int) ((long) n * (c + 1) / chunks));
        }
    }

    /** How many threads the component may keep busy. */
    int threads();

    /** Where progress of long work goes (the CLI draws it; an embedding host may log it). */
    ProgressReporter progress();

    /**
     * Makes the unfitted interest model a nested section describes, with a context of its own whose
     * randomness derives from the section's path. The caller owns the model: it fits, saves, loads
     * and closes it. Only core's contexts build nested components.
     */
    default InterestModel createInterestModel(InterestModelSection section) {
        throw new UnsupportedOperationException("this context cannot build nested interest models");
    }

    /**
     * The run's similarity section as a new model fitted on {@code train}, for a component that
     * fits nested interest models on part of the training data (the stack's ranker stage). The
     * run's own similarity model, in {@code ModelInputs.similarity()}, was fitted on all of it, so
     * a nested model that reads it would see the part held out from it. Empty when the run fits
     * no similarity model before its interest model. The caller owns the model.
     */
    default Optional<SimilarityModel> fitSimilarity(Interactions train, FeatureMatrix itemFeatures) {
        throw new UnsupportedOperationException("this context cannot fit similarity models");
    }

    /**
     * The run's {@code spark:} section, empty when the config has none: a component that trains on
     * Spark joins the session it describes (or the one {@code spark-submit} started).
     */
    default Optional<SparkSettings> spark() {
        return Optional.empty();
    }

    /** Resolves a path from config against the directory of the config file. */
    Path resolve(String path);
}
