package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.split.LeaveOneOutSplitterFactory;
import dev.m6rec.core.split.RatioSplitterFactory;
import dev.m6rec.core.split.RowOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark splits against core's splitters on one small dataset whose timestamps tie often (ties
 * fall back to file order): the {@code time} orders give exactly core's train/valid/test rows; the
 * {@code random} orders are seeded per user, the same on any partitioning, and cut each user into
 * core's counts.
 */
class SparkSplitsTest {
    private static final int USERS = 40;
    private static final StructType INPUT = new StructType().add("row", DataTypes.LongType, false)
            .add("user", DataTypes.StringType, false).add("timestamp", DataTypes.LongType, false);
    private static dev.m6rec.api.data.Dataset dataset;
    private static org.apache.spark.sql.Dataset<Row> rows;

    @BeforeAll
    static void data() {
        SparkSession spark = LocalSpark.session();
        Random random = new Random(11);
        Interactions.Builder b = Interactions.builder(USERS, 50, true, true);
        List<Row> input = new ArrayList<>();
        int row = 0;
        for (int pass = 0; pass < 16; pass++) {
            for (int u = 0; u < USERS; u++) {
                if (pass < 1 + u % 13) { // 1 to 13 rows per user: every rounding case of the ratios
                    long time = random.nextInt(6); // few distinct times: many ties
                    b.add(u, random.nextInt(50), row + 1, time); // the rating names the row
                    input.add(RowFactory.create((long) row, "u" + u, time));
                    row++;
                }
            }
        }
        dataset = new dev.m6rec.api.data.Dataset("ties", IdIndex.range("u", USERS), IdIndex.range("i", 50), b.build(),
                AttributeTable.empty(USERS), AttributeTable.empty(50), Map.of());
        rows = spark.createDataFrame(input, INPUT).repartition(4).cache();
    }

    @AfterAll
    static void release() {
        rows.unpersist();
    }

    @Test
    void ratioByTimeGivesCoresRows() {
        for (float[] r : List.of(new float[] {0.8f, 0.1f, 0.1f}, new float[] {0.5f, 0.25f, 0.25f}, new float[] {0.7f, 0f, 0.3f})) {
            DataSplit core = coreSplit(c -> new RatioSplitterFactory().create(
                    new RatioSplitterFactory.Settings(r, RowOrder.TIME, true), c), 1);

            assertThat(sparkParts(SparkSplits.ratio(rows, r[0], r[1], RowOrder.TIME, 1))).isEqualTo(coreParts(core));
        }
    }

    @Test
    void leaveOneOutByTimeGivesCoresRows() {
        for (boolean valid : new boolean[] {true, false}) {
            DataSplit core = coreSplit(c -> new LeaveOneOutSplitterFactory().create(
                    new LeaveOneOutSplitterFactory.Settings(RowOrder.TIME, valid), c), 1);

            assertThat(sparkParts(SparkSplits.leaveOneOut(rows, RowOrder.TIME, valid, 1))).isEqualTo(coreParts(core));
        }
    }

    @Test
    void randomOrdersAreSeededPerUserWhateverThePartitioning() {
        Map<Byte, TreeSet<Long>> seven = sparkParts(SparkSplits.ratio(rows, 0.8, 0.1, RowOrder.RANDOM, 7));

        assertThat(sparkParts(SparkSplits.ratio(rows.coalesce(1), 0.8, 0.1, RowOrder.RANDOM, 7))).isEqualTo(seven);
        assertThat(sparkParts(SparkSplits.ratio(rows, 0.8, 0.1, RowOrder.RANDOM, 8))).isNotEqualTo(seven);
        assertThat(sparkParts(SparkSplits.leaveOneOut(rows.coalesce(1), RowOrder.RANDOM, true, 7)))
                .isEqualTo(sparkParts(SparkSplits.leaveOneOut(rows, RowOrder.RANDOM, true, 7)))
                .isNotEqualTo(sparkParts(SparkSplits.leaveOneOut(rows, RowOrder.TIME, true, 7)));
    }

    @Test
    void randomOrdersCutEachUserIntoCoresCounts() {
        DataSplit core = coreSplit(c -> new RatioSplitterFactory().create(
                new RatioSplitterFactory.Settings(new float[] {0.6f, 0.2f, 0.2f}, RowOrder.RANDOM, true), c), 3);
        Map<Byte, TreeSet<Long>> spark = sparkParts(SparkSplits.ratio(rows, 0.6f, 0.2f, RowOrder.RANDOM, 3));

        assertThat(perUserCounts(spark)).isEqualTo(perUserCounts(coreParts(core)));
    }

    private static DataSplit coreSplit(Function<DefaultPluginContext, DatasetSplitter> splitter, long seed) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            return splitter.apply(new DefaultPluginContext(seed, "split", executor, 1, ProgressReporter.silent(),
                    Path.of("."))).split(dataset);
        } finally {
            executor.shutdown();
        }
    }

    /** Part (0, 1, 2) to the rows in it, read back from the rating that names each row. */
    private static Map<Byte, TreeSet<Long>> coreParts(DataSplit split) {
        Map<Byte, TreeSet<Long>> parts = new TreeMap<>();
        List<Interactions> all = List.of(split.train(), split.valid(), split.test());
        for (byte p = 0; p < 3; p++) {
            TreeSet<Long> set = parts.computeIfAbsent(p, x -> new TreeSet<>());
            Interactions part = all.get(p);
            for (int r = 0; r < part.size(); r++) {
                set.add((long) part.rating(r) - 1);
            }
        }
        return parts;
    }

    private static Map<Byte, TreeSet<Long>> sparkParts(org.apache.spark.sql.Dataset<Row> parts) {
        Map<Byte, TreeSet<Long>> out = new TreeMap<>();
        for (byte p = 0; p < 3; p++) {
            out.put(p, new TreeSet<>());
        }
        List<Row> collected = parts.collectAsList();
        assertThat(collected).hasSize((int) dataset.interactions().size());
        for (Row r : collected) {
            out.get(r.getByte(1)).add(r.getLong(0));
        }
        return out;
    }

    /** For each part, how many rows each user has in it. */
    private static Map<Byte, Map<Integer, Integer>> perUserCounts(Map<Byte, TreeSet<Long>> parts) {
        Map<Byte, Map<Integer, Integer>> counts = new TreeMap<>();
        parts.forEach((p, set) -> {
            Map<Integer, Integer> byUser = new TreeMap<>();
            for (long row : set) {
                byUser.merge(dataset.interactions().user((int) row), 1, Integer::sum);
            }
            counts.put(p, byUser);
        });
        return counts;
    }
}
