package dev.m6rec.spark;

import dev.m6rec.runtime.BatchTopKJob.Format;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Every user's top-K from any trained artifact, as a Spark job: the artifact folder's bytes are
 * broadcast, each executor JVM rebuilds and loads it once through the normal loader
 * ({@link ExecutorPipelines}), and each task scores one range of users in blocks
 * ({@link M6Rec#recommendAll}, one {@code InterestModel.scoreAll(List, float[])} call per block),
 * exactly as {@code m6rec recommend --all-users} lists them on one machine. The lists, computed
 * once and persisted, are written as Parquet and/or TSV with the columns {@code user, item, score,
 * rank} (external ids, rank from 1). Spark's output commit keeps a rerun task's rows once, so a lost executor costs time only.
 *
 * <pre>{@code
 * BatchTopK.Summary s = BatchTopK.run(spark, Path.of("runs/x/artifact"), new BatchTopK.Options(10, 256, 0),
 *         URI.create("hdfs://namenode/recs/top10"));   // or a local Path
 * }</pre>
 */
public final class BatchTopK {
    /** The columns of both outputs. */
    public static final StructType SCHEMA = new StructType()
            .add("user", DataTypes.StringType, false)
            .add("item", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false)
            .add("rank", DataTypes.IntegerType, false);

    /**
     * @param k          list length
     * @param blockUsers users scored together in one block
     * @param partitions tasks (user ranges); 0 = twice Spark's default parallelism
     * @param formats    the outputs to write, each in its own folder
     */
    public record Options(int k, int blockUsers, int partitions, Set<Format> formats) {
        public Options {
            formats = Set.copyOf(formats);
            if (k < 1 || blockUsers < 1 || partitions < 0 || formats.isEmpty()) {
                throw new IllegalArgumentException("k and blockUsers must be >= 1, partitions >= 0, a format: " + this);
            }
        }

        /** Both formats. */
        public Options(int k, int blockUsers, int partitions) {
            this(k, blockUsers, partitions, EnumSet.allOf(Format.class));
        }
    }

    /** What the job wrote: users listed, rows written (per format), and the folder of each format. */
    public record Summary(long users, long rows, Map<Format, URI> folders) {
        public Summary {
            folders = Collections.unmodifiableMap(new EnumMap<>(folders)); // in Format order
        }

        /** The Parquet folder, for a local ({@code file:}) output. */
        public Path parquet() {
            return Path.of(folders.get(Format.PARQUET));
        }

        /** The TSV folder, for a local ({@code file:}) output. */
        public Path tsv() {
            return Path.of(folders.get(Format.TSV));
        }
    }

    private BatchTopK() {
    }

    /** Runs the job into a local folder (see {@link #run(SparkSession, Path, Options, URI)}). */
    public static Summary run(SparkSession spark, Path artifact, Options options, Path output) {
        return run(spark, artifact, options, output.toAbsolutePath().normalize().toUri());
    }

    /**
     * Runs the job; {@code output}, an absolute URI of any file system Spark's Hadoop client writes,
     * gets a folder per format ({@code parquet/}, {@code tsv/}), none of which may exist yet.
     */
    public static Summary run(SparkSession spark, Path artifact, Options options, URI output) {
        Objects.requireNonNull(options, "options is null");
        ArtifactBytes bytes = ArtifactBytes.read(artifact);
        // Loaded on the driver first: a corrupt or foreign artifact fails here, before any task starts.
        int users = ExecutorPipelines.of(bytes).users().size();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : 2 * jsc.defaultParallelism();
        Broadcast<ArtifactBytes> shared = jsc.broadcast(bytes);
        int k = options.k();
        int block = options.blockUsers();
        JavaRDD<Row> rows = jsc.parallelize(UserRanges.split(users, partitions), Math.max(1, partitions))
                .flatMap(range -> lists(shared.value(), range, k, block));
        Dataset<Row> lists = spark.createDataFrame(rows, SCHEMA).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Format, URI> folders = new EnumMap<>(Format.class);
            for (Format format : options.formats()) {
                URI folder = format.under(output);
                switch (format) {
                    case PARQUET -> lists.write().parquet(folder.toString());
                    case TSV -> lists.write().option("sep", "\t").option("header", "false").csv(folder.toString());
                }
                folders.put(format, folder);
            }
            long written = lists.count();
            return new Summary(users, written, folders);
        } finally {
            lists.unpersist();
            shared.destroy();
        }
    }

    /** The rows of one task: its user range, {@code block} users per scoring call. */
    private static Iterator<Row> lists(ArtifactBytes artifact, UserRanges.Range range, int k, int block) {
        M6Rec pipeline = ExecutorPipelines.of(artifact);
        List<String> ids = pipeline.users();
        List<Row> rows = new ArrayList<>((range.to() - range.from()) * k);
        for (int from = range.from(); from < range.to(); from += block) {
            List<String> users = ids.subList(from, Math.min(range.to(), from + block));
            List<List<Recommendation>> lists = pipeline.recommendAll(users, k);
            for (int u = 0; u < users.size(); u++) {
                for (Recommendation r : lists.get(u)) {
                    rows.add(RowFactory.create(users.get(u), r.item(), r.score(), r.rank()));
                }
            }
        }
        return rows.iterator();
    }
}
