package dev.m6rec.spark;

import dev.m6rec.core.split.RatioCounts;
import dev.m6rec.core.split.RowOrder;
import dev.m6rec.core.split.TemporalCut;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The splits as Spark jobs: {@code ratio} ({@code per-user: true}) and {@code leave-one-out},
 * each user's rows cut in one task; {@code ratio} over the whole log by time
 * ({@code per-user: false, order: time}) and {@code temporal}, one global order or cut-off. Every user's rows are ordered as core's
 * {@code Interactions.byUser()} orders them, oldest first and ties in file order, so the
 * {@code time} orders give exactly the rows core's splitters give ({@link RatioCounts} is the one
 * rounding rule of both).
 *
 * <p>The {@code random} orders cannot reproduce core's: core draws from one seeded generator user
 * after user, so a user's shuffle depends on every user before it, which a distributed shuffle does
 * not know. Here each user's generator is derived from {@code (seed, user id)} alone, so the result
 * does not depend on partitioning or on which executor runs the user.
 *
 * <p>Input columns: {@code row} (long, increasing with the file order, e.g.
 * {@code monotonically_increasing_id()} of a read), {@code user} (string) and {@code timestamp}
 * (long; null or absent sorts as 0). Output: {@link #PARTS}, one line per input row.
 *
 * <pre>{@code
 * Dataset<Row> parts = SparkSplits.ratio(interactions, 0.8, 0.1, RowOrder.TIME, 42);
 * }</pre>
 */
public final class SparkSplits {
    /** {@code row} and its {@code part}: 0 train, 1 valid, 2 test. */
    public static final StructType PARTS = new StructType()
            .add("row", DataTypes.LongType, false)
            .add("part", DataTypes.ByteType, false);

    private SparkSplits() {
    }

    /** {@code split: {type: ratio, ratios: [train, valid, 1 - train - valid], order, per-user: true}}. */
    public static Dataset<Row> ratio(Dataset<Row> interactions, double train, double valid, RowOrder order, long seed) {
        boolean shuffle = order == RowOrder.RANDOM;
        return perUser(interactions, seed, (rows, random) -> {
            if (shuffle) {
                shuffleTail(rows, 1, random);
            }
            RatioCounts counts = RatioCounts.of(rows.length, train, valid);
            byte[] parts = new byte[rows.length];
            for (int k = 0; k < rows.length; k++) {
                parts[k] = counts.part(k);
            }
            return parts;
        });
    }

    /** {@code split: {type: leave-one-out, order, valid}}: the last row tests, the one before validates (3 or more rows). */
    public static Dataset<Row> leaveOneOut(Dataset<Row> interactions, RowOrder order, boolean withValid, long seed) {
        boolean shuffle = order == RowOrder.RANDOM;
        return perUser(interactions, seed, (rows, random) -> {
            int n = rows.length;
            byte[] parts = new byte[n];
            if (n >= 2) {
                if (shuffle) {
                    shuffleTail(rows, Math.max(1, n - 2), random);
                }
                parts[n - 1] = 2;
                if (withValid && n >= 3) {
                    parts[n - 2] = 1;
                }
            }
            return parts;
        });
    }

    /**
     * {@code split: {type: ratio, order: time, per-user: false}}: the whole log oldest first, ties in
     * file order (core's {@code Interactions.rowsByTime()}), cut once by {@link RatioCounts}.
     */
    public static Dataset<Row> globalByTime(Dataset<Row> interactions, double train, double valid) {
        JavaRDD<Row> ordered = interactions.select(time(interactions), functions.col("row").cast("long"))
                .orderBy(functions.col("t"), functions.col("row")).javaRDD();
        long n = ordered.count();
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("more rows than one machine's split holds: " + n);
        }
        RatioCounts counts = RatioCounts.of((int) n, train, valid);
        long trainEnd = counts.train(); // the record itself is not serializable: its bounds travel
        long validEnd = counts.train() + counts.valid();
        JavaRDD<Row> parts = ordered.zipWithIndex().map(r -> RowFactory.create(r._1().getLong(1),
                (byte) (r._2() < trainEnd ? 0 : r._2() < validEnd ? 1 : 2)));
        return interactions.sparkSession().createDataFrame(parts, PARTS);
    }

    /**
     * {@code split: {type: temporal}}: {@code cut} resolved against the sorted timestamps (read by
     * position, each a small job), then every row labelled by its time; the same errors as core.
     */
    public static Dataset<Row> temporal(Dataset<Row> interactions, TemporalCut cut, String datasetName) {
        boolean hasTimes = List.of(interactions.columns()).contains("timestamp");
        JavaPairRDD<Long, Long> sorted = hasTimes
                ? interactions.select(functions.col("timestamp").cast("long")).orderBy("timestamp").javaRDD()
                        .map(r -> r.getLong(0)).zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1())).cache()
                : null;
        long n = hasTimes ? sorted.count() : 0;
        long[] at;
        try {
            at = cut.resolve(datasetName, hasTimes, new TemporalCut.SortedTimes() {
                @Override
                public long size() {
                    return n;
                }

                @Override
                public long at(long position) {
                    return sorted.lookup(position).get(0);
                }
            });
        } finally {
            if (sorted != null) {
                sorted.unpersist();
            }
        }
        return interactions.select(functions.col("row").cast("long").as("row"),
                functions.when(functions.col("timestamp").geq(at[1]), functions.lit((byte) 2))
                        .when(functions.col("timestamp").geq(at[0]), functions.lit((byte) 1))
                        .otherwise(functions.lit((byte) 0)).as("part"));
    }

    /** The timestamp as {@code t}: 0 when absent or null, as core sorts rows without one. */
    private static org.apache.spark.sql.Column time(Dataset<Row> interactions) {
        return (List.of(interactions.columns()).contains("timestamp")
                ? functions.coalesce(functions.col("timestamp").cast("long"), functions.lit(0L))
                : functions.lit(0L)).as("t");
    }

    /** The generator of one user's random choices: a function of the seed and the user's id only. */
    static SplittableRandom userRandom(long seed, String user) {
        long h = seed;
        for (byte b : user.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(h);
    }

    /** Fisher-Yates from the end down to position {@code lowest}, as core's splitters draw. */
    private static void shuffleTail(long[] rows, int lowest, SplittableRandom random) {
        for (int k = rows.length - 1; k >= lowest; k--) {
            int j = random.nextInt(k + 1);
            long t = rows[k];
            rows[k] = rows[j];
            rows[j] = t;
        }
    }

    /** Cuts one user's rows, given oldest first (and reordered in place when shuffled), into parts. */
    private interface UserCut extends Serializable {
        byte[] parts(long[] rows, SplittableRandom random);
    }

    private static Dataset<Row> perUser(Dataset<Row> interactions, long seed, UserCut cut) {
        Dataset<Row> input = interactions.select(functions.col("user"), time(interactions),
                functions.col("row").cast("long"));
        JavaRDD<Row> parts = input.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getString(0), new long[] {r.getLong(1), r.getLong(2)}))
                .groupByKey()
                .flatMap(user -> {
                    List<long[]> timed = new ArrayList<>();
                    user._2().forEach(timed::add);
                    timed.sort(Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]));
                    long[] rows = new long[timed.size()];
                    for (int k = 0; k < rows.length; k++) {
                        rows[k] = timed.get(k)[1];
                    }
                    byte[] part = cut.parts(rows, userRandom(seed, user._1()));
                    List<Row> out = new ArrayList<>(rows.length);
                    for (int k = 0; k < rows.length; k++) {
                        out.add(RowFactory.create(rows[k], part[k]));
                    }
                    return out.iterator();
                });
        return interactions.sparkSession().createDataFrame(parts, PARTS);
    }
}
