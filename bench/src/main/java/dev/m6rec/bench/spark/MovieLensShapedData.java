package dev.m6rec.bench.spark;

import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.datasets.synthetic.SyntheticLoaderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A dataset of MovieLens-20M's shape from the {@code synthetic} loader (through its factory, so its
 * planted tastes, categories, sequences and ratings are the ones a config gets): 27,278 items, about
 * 144 ratings per user and at least 20 (MovieLens-20M's own minimum), and as many users as the
 * wanted number of interactions needs (138,493 at 20M). Items stay fixed and users grow with the
 * scale, so every step's work grows linearly in interactions. Written as Parquet with MovieLens's
 * {@code ratings} columns ({@link InteractionChunk#SCHEMA}).
 *
 * <pre>{@code
 * MovieLensShapedData data = MovieLensShapedData.ofScale("1m", 42);
 * Interactions generated = data.generate();
 * data.writeParquet(spark, generated, Path.of("/tmp/bench/data"));
 * }</pre>
 */
final class MovieLensShapedData {
    static final int ML20M_USERS = 138_493;
    static final int ML20M_ITEMS = 27_278;
    static final long ML20M_RATINGS = 20_000_263;
    /** MovieLens-20M keeps users with at least 20 ratings. */
    static final int MIN_PER_USER = 20;
    /** MovieLens has 20 genres; the synthetic categories play their part. */
    static final int CATEGORIES = 20;
    /** Rows per Spark task when writing (a few MB of Parquet each). */
    private static final int CHUNK_ROWS = 1 << 18;

    private final long interactions;
    private final long seed;

    private MovieLensShapedData(long interactions, long seed) {
        this.interactions = interactions;
        this.seed = seed;
    }

    /** {@code 1m}, {@code 5m}, {@code 20m} (or any {@code <n>m} / {@code <n>k}): the number of interactions wanted. */
    static MovieLensShapedData ofScale(String scale, long seed) {
        String s = scale.trim().toLowerCase(Locale.ROOT);
        long unit = s.endsWith("m") ? 1_000_000L : s.endsWith("k") ? 1_000L : 0;
        if (unit == 0 || !s.substring(0, s.length() - 1).matches("[0-9]+")) {
            throw new IllegalArgumentException("BENCH_SCALE: expected 1m, 5m, 20m (or <n>m, <n>k), was '" + scale + "'");
        }
        long wanted = Long.parseLong(s.substring(0, s.length() - 1)) * unit;
        if (wanted < 10_000) {
            throw new IllegalArgumentException("BENCH_SCALE: at least 10k interactions, was '" + scale + "'");
        }
        return new MovieLensShapedData(wanted, seed);
    }

    /** Shuffle partitions for this size: 8, or one per million interactions beyond that (a few hundred MB each at most). */
    int shufflePartitions() {
        return (int) Math.max(8, interactions / 1_000_000);
    }

    int users() {
        return (int) Math.max(1, Math.round((double) ML20M_USERS * interactions / ML20M_RATINGS));
    }

    /** The loader's section, as a config's {@code data:} would give it. */
    Map<String, Object> section() {
        return Map.of("users", users(), "items", ML20M_ITEMS, "categories", CATEGORIES,
                "interactions-per-user", (double) ML20M_RATINGS / ML20M_USERS,
                "min-interactions-per-user", MIN_PER_USER);
    }

    /** Runs the synthetic loader: primitive arrays, grouped by user, oldest first. */
    Interactions generate() {
        try (BenchHost host = new BenchHost(1)) {
            Dataset dataset = BenchHost.create(new SyntheticLoaderFactory(), section(), host.context(seed, "data"))
                    .load();
            return dataset.interactions();
        }
    }

    /** Writes {@code data} as Parquet under {@code dir} (which must not exist); returns the rows written. */
    static long writeParquet(SparkSession spark, Interactions data, Path dir) {
        List<InteractionChunk> chunks = InteractionChunk.of(data, CHUNK_ROWS);
        JavaRDD<InteractionChunk> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(chunks, chunks.size());
        spark.createDataFrame(rdd.flatMap(InteractionChunk::rows), InteractionChunk.SCHEMA)
                .write().parquet(dir.toUri().toString());
        return data.size();
    }
}
