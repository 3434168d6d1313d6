package dev.m6rec.bench.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.m6rec.core.prepare.DedupPolicy;
import dev.m6rec.core.prepare.FilterSettings;
import dev.m6rec.core.run.RunResult;
import dev.m6rec.core.split.RowOrder;
import dev.m6rec.runtime.BatchTopKJob;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.spark.BatchTopK;
import dev.m6rec.spark.SparkFilters;
import dev.m6rec.spark.SparkSplits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * M6-Rec's side of the benchmark: the pipeline's steps on Spark, one method per step, each
 * leaving its result for the next. A step returns the rows it produced; {@link SparkBench} times
 * them in order.
 *
 * <p>The steps use what M6-Rec has today: {@link SparkFilters} (k-core), {@link SparkSplits}
 * (per-user ratio by time), the {@code als} interest model through the ordinary {@link M6Rec}
 * facade, and {@link BatchTopK}. The facade trains from a config, so {@link #exportTsv} hands the
 * k-core's rows over as a file for the {@code csv} loader, and the facade splits them again with
 * core's {@code ratio} splitter, which gives exactly the Spark split's rows for the {@code time}
 * order (SparkSplitsTest); {@link #trainingRowsAgree} checks that on the benchmark's own data.
 * The read is a plain {@code spark.read().parquet} until M6-Rec's Spark loader exists.
 */
final class M6RecSteps {
    static final double TRAIN = 0.8;
    static final double VALID = 0.1;
    /** MovieLens-style 5-core on both sides. */
    static final int MIN_INTERACTIONS = 5;

    private final SparkSession spark;
    private final Path work;
    private final long seed;
    private final AlsParameters als;

    private Dataset<Row> interactions;
    private Dataset<Row> kept;
    private long keptRows;
    private Dataset<Row> labelled;
    private long[] partRows;
    private Path keptTsv;
    private Path artifact;
    private Training training;
    private Training itemKnn;

    /** What {@link #trainAls} reports: the facade's phase times, test metrics and training rows (the run itself is dropped). */
    record Training(long loadMillis, long fitMillis, long evaluateMillis, double ndcg, double recall, long trainRows) {
        static Training of(RunResult run) {
            return new Training(run.trained().loadMillis(), run.trained().fitMillis(), run.evaluateMillis(),
                    run.test().get("ndcg@10"), run.test().get("recall@10"), run.trained().split().train().size());
        }
    }

    M6RecSteps(SparkSession spark, Path work, long seed, AlsParameters als) {
        this.spark = spark;
        this.work = work;
        this.seed = seed;
        this.als = als;
    }

    /** The Parquet as the columns the Spark steps take: {@code row} (file order), {@code user}, {@code item}, rating, time. */
    long read(Path parquet) {
        interactions = spark.read().parquet(parquet.toUri().toString())
                .select(monotonically_increasing_id().as("row"), col("userId").cast("string").as("user"),
                        col("movieId").cast("string").as("item"), col("rating"), col("timestamp"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        return interactions.count();
    }

    /** {@code filter: {min-user-interactions: 5, min-item-interactions: 5}}, to its fixed point. */
    long kCore(long rowsIn) {
        SparkFilters.Result result = SparkFilters.apply(interactions,
                new FilterSettings(MIN_INTERACTIONS, MIN_INTERACTIONS, OptionalDouble.empty(), DedupPolicy.NONE),
                "movielens-20m-shaped");
        kept = result.kept();
        interactions.unpersist();
        keptRows = rowsIn - result.kCore();
        return keptRows;
    }

    /** {@code split: {type: ratio, ratios: [0.8, 0.1, 0.1], order: time, per-user: true}}. */
    long split() {
        Dataset<Row> parts = SparkSplits.ratio(kept, TRAIN, VALID, RowOrder.TIME, seed);
        labelled = kept.join(parts, "row").persist(StorageLevel.MEMORY_AND_DISK());
        partRows = new long[3];
        for (Row r : labelled.groupBy("part").count().collectAsList()) {
            partRows[r.getByte(0)] = r.getLong(1);
        }
        return partRows[0] + partRows[1] + partRows[2];
    }

    long trainRows() {
        return partRows[0];
    }

    Dataset<Row> labelled() {
        return labelled;
    }

    /**
     * The k-core's rows as one TSV ({@code user, item, rating, timestamp}) for the facade's {@code csv}
     * loader. Row order within a user does not matter: the generator gives each user strictly
     * increasing timestamps, so the time order has no ties to break by file order.
     */
    long exportTsv() throws IOException {
        Path dir = work.resolve("kept-tsv");
        kept.select("user", "item", "rating", "timestamp").coalesce(1).write().option("sep", "\t")
                .option("header", "false").csv(dir.toUri().toString());
        try (Stream<Path> files = Files.list(dir)) {
            keptTsv = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(dir + ": Spark wrote no part file"));
        }
        return keptRows;
    }

    /**
     * {@code m6rec run}'s training of {@code interest: {type: als}} through the facade, on this JVM's
     * Spark session (the config's {@code spark:} section finds it running), then the artifact saved.
     * Every valid and test user is evaluated, on Spark.
     */
    long trainAls() throws IOException {
        artifact = work.resolve("als-artifact");
        training = train("als", "interest: { type: als, rank: " + als.rank() + ", iterations: " + als.iterations()
                + ", regularization: " + als.regularization() + ", feedback: implicit, alpha: " + als.alpha() + " }\n",
                artifact);
        return training.trainRows();
    }

    /**
     * {@code m6rec run} of item-knn over a cosine similarity of {@code neighbours} per item: the
     * similarity's all-pairs pass runs as a Spark job (the config has a {@code spark:} section), and
     * so does the evaluation of every test user. Nothing is saved.
     */
    long trainItemKnn(int neighbours) throws IOException {
        itemKnn = train("item-knn", "similarity: { type: cosine, source: interactions, neighbours: " + neighbours
                + ", binary: true }\ninterest: { type: item-knn }\n", null);
        return itemKnn.trainRows();
    }

    /**
     * One pipeline through the facade on this JVM's Spark session (the config's {@code spark:}
     * section finds it running): the hand-off TSV loaded, filtered and split by the {@code csv}
     * loader on Spark, {@code pipeline} fitted, every valid and test user evaluated on Spark, and the
     * artifact saved to {@code saveTo} unless null.
     */
    private Training train(String name, String pipeline, Path saveTo) throws IOException {
        Path config = work.resolve("m6rec-" + name + ".yaml");
        Files.writeString(config, "seed: " + seed + "\n"
                + "spark: { master: 'local[2]' }\n"
                + "data: { type: csv, path: '" + keptTsv + "', delimiter: tab, header: false,\n"
                + "        columns: { user: '0', item: '1', rating: '2', timestamp: '3' } }\n"
                + "split: { type: ratio, ratios: [" + TRAIN + ", " + VALID + ", " + (1 - TRAIN - VALID)
                + "], order: time, per-user: true }\n"
                + pipeline
                + "evaluation: { metrics: [ndcg@10, recall@10] }\n"
                + "output: { dir: '" + work.resolve("m6rec-" + name + "-run") + "', samples: 0 }\n");
        try (M6Rec rec = M6Rec.fromConfig(config, List.of())) {
            Training trained = Training.of(rec.train());
            if (saveTo != null) {
                rec.save(saveTo);
            }
            return trained;
        }
    }

    Training training() {
        return training;
    }

    Training itemKnn() {
        return itemKnn;
    }

    /** Whether the facade's split trained on as many rows as the Spark split's train part. */
    boolean trainingRowsAgree() {
        return training.trainRows() == partRows[0];
    }

    /** Drops the Spark caches of the k-core and the split once both hand-offs are written: the ALS runs start equal. */
    void releaseCaches() {
        labelled.unpersist(true);
        kept.unpersist(true);
    }

    /** {@code m6rec batch-topk}: every user's top-{@code k} from the saved artifact, as Parquet. */
    long topK(int k) {
        BatchTopK.Summary summary = BatchTopK.run(spark, artifact, new BatchTopK.Options(k, 256, 0,
                EnumSet.of(BatchTopKJob.Format.PARQUET)), work.resolve("m6rec-top" + k));
        return summary.users();
    }

}
