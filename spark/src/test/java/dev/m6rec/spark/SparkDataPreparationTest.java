package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.PipelineTrainer;
import dev.m6rec.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code m6rec run}'s load, filter and split with a {@code spark:} section against the same config
 * without one, on small files written here in the real formats: a CSV with a header (byte order
 * mark, quoted ids, {@code \r\n} line ends, blank lines) and a MovieLens {@code u.data}-like TSV, both
 * with repeated pairs and tied timestamps. The Spark path must give the same id spaces, the same
 * train/valid/test rows in the same order, the same filter and split lines, the same error line for
 * a malformed row and the same skip counts.
 */
class SparkDataPreparationTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.of(PluginRegistry.classpathPlugins(
            SparkDataPreparationTest.class.getClassLoader()));
    private static final Map<String, Object> FILTER = Map.of("dedup", "last", "rating-threshold", 2,
            "min-user-interactions", 3, "min-item-interactions", 3);
    private static final List<Map<String, Object>> SPLITS = List.of(
            Map.of("type", "ratio", "ratios", List.of(0.6, 0.2, 0.2), "order", "time", "per-user", true),
            Map.of("type", "ratio", "ratios", List.of(0.7, 0.1, 0.2), "order", "time", "per-user", false),
            Map.of("type", "leave-one-out", "order", "time", "valid", true),
            Map.of("type", "temporal", "valid-quantile", 0.7, "test-quantile", 0.85));
    private static Path folder;
    private static Path csv;
    private static Path udata;
    private static ExecutorService executor;
    /** The rows of {@link #udata}: user, item, rating, timestamp. */
    private static final List<Row> UDATA_ROWS = new ArrayList<>();
    private static final StructType UDATA = new StructType().add("user", DataTypes.IntegerType, true)
            .add("item", DataTypes.IntegerType, false).add("rating", DataTypes.DoubleType, true)
            .add("timestamp", DataTypes.LongType, false);

    @BeforeAll
    static void files() throws IOException {
        LocalSpark.session();
        executor = Executors.newSingleThreadExecutor();
        folder = Files.createTempDirectory("spark-prepare");
        Random random = new Random(3);
        StringBuilder text = new StringBuilder("\uFEFFuserId,movieId,rating,timestamp\r\n");
        StringBuilder tsv = new StringBuilder();
        for (int row = 0; row < 320; row++) {
            // Skewed users and items: repeated pairs, and a k-core that takes more than one round.
            int u = (int) (30 * Math.pow(random.nextDouble(), 1.5));
            int i = (int) (25 * Math.pow(random.nextDouble(), 2));
            int rating = 1 + random.nextInt(5);
            long time = 1000 + random.nextInt(40); // few distinct times: many ties
            String user = row % 7 == 0 ? "\"u" + u + "\"" : "u" + u; // quoted, as a spreadsheet writes them
            text.append(user).append(",m").append(i).append(',').append(rating).append(',').append(time)
                    .append(row % 3 == 0 ? "\r\n" : "\n");
            if (row % 50 == 0) {
                text.append("\n"); // a blank line is no record
            }
            UDATA_ROWS.add(RowFactory.create(u + 1, i + 1, (double) rating, time));
            tsv.append(u + 1).append('\t').append(i + 1).append('\t').append(rating).append('\t').append(time).append('\n');
        }
        csv = Files.writeString(folder.resolve("ratings.csv"), text.toString(), StandardCharsets.UTF_8);
        udata = Files.writeString(folder.resolve("u.data"), tsv.toString(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void csvWithHeaderGivesTheSingleMachineSplits() {
        Map<String, Object> data = Map.of("type", "csv", "path", csv.toString(),
                "columns", Map.of("user", "userId", "item", "movieId", "rating", "rating", "timestamp", "timestamp"));
        assertSameAsOneMachine(data, FILTER, SPLITS.get(0));
        assertSameAsOneMachine(data, FILTER, SPLITS.get(3));
    }

    @Test
    void udataTsvGivesTheSingleMachineSplits() {
        Map<String, Object> data = Map.of("type", "csv", "path", udata.toString(), "delimiter", "tab", "header", false,
                "columns", Map.of("user", "0", "item", "1", "rating", "2", "timestamp", "3"));
        assertSameAsOneMachine(data, FILTER, SPLITS.get(1));
        assertSameAsOneMachine(data, FILTER, SPLITS.get(2));
        // Without filters the ids keep their order of first appearance, and no filter line is written.
        assertSameAsOneMachine(data, Map.of(), SPLITS.get(2));
    }

    @Test
    void aMalformedRowFailsWithTheSameLine() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.tsv"), "1\t10\t4\t100\n2\t10\t5\t101\n\n3\t11\tfour\t102\n"
                + "4\t12\t3\n");
        Map<String, Object> data = Map.of("type", "csv", "path", bad.toString(), "delimiter", "tab", "header", false,
                "columns", Map.of("user", "0", "item", "1", "rating", "2", "timestamp", "3"));
        String expected = bad + ":4: rating 'four' is not a number";

        assertThatThrownBy(() -> run(data, Map.of(), SPLITS.get(0), false)).isInstanceOf(DataException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> run(data, Map.of(), SPLITS.get(0), true)).isInstanceOf(DataException.class)
                .hasMessage(expected);
    }

    @Test
    void skippedRowsAreCountedAsOnOneMachine() throws IOException {
        Path bad = Files.writeString(folder.resolve("skips.tsv"), "1\t10\t4\t100\n2\t10\t5\t101\n3\t11\tfour\t102\n"
                + "4\t12\t3\n1\t11\t2\t103\n2\t12\t2\t104\n");
        Map<String, Object> data = Map.of("type", "csv", "path", bad.toString(), "delimiter", "tab", "header", false,
                "on-error", "skip", "columns", Map.of("user", "0", "item", "1", "rating", "2", "timestamp", "3"));

        Prepared spark = run(data, Map.of(), SPLITS.get(0), true);
        Prepared local = run(data, Map.of(), SPLITS.get(0), false);

        assertThat(spark.split.dataset().loadCounts()).isEqualTo(local.split.dataset().loadCounts())
                .containsEntry("skipped-lines", 2L).containsEntry("skipped-lines:skips.tsv", 2L);
        assertThat(spark.lines).contains("data: skipped-lines 2, skipped-lines:skips.tsv 2");
        assertThat(describe(spark.split)).isEqualTo(describe(local.split));
    }

    @Test
    void aFolderOfPartFilesIsReadInNameOrderEachWithItsHeader() throws IOException {
        Path parts = Files.createDirectories(folder.resolve("parts"));
        Files.writeString(parts.resolve("part-00001.csv"), "user,item,rating\nb,y,3\na,z,4\n");
        Files.writeString(parts.resolve("part-00000.csv"), "user,item,rating\nc,x,5\na,x,2\n");
        Files.writeString(parts.resolve("part-00002.csv"), "user,item,rating\n"); // an empty partition
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Path whole = Files.writeString(folder.resolve("parts.csv"), "user,item,rating\nc,x,5\na,x,2\nb,y,3\na,z,4\n");
        Map<String, Object> split = Map.of("type", "ratio", "ratios", List.of(0.5, 0, 0.5), "order", "time");

        Prepared spark = run(Map.of("type", "csv", "path", parts.toString(), "name", "parts",
                "columns", Map.of("user", "user", "item", "item", "rating", "rating")), Map.of(), split, true);
        Prepared local = run(Map.of("type", "csv", "path", whole.toString(),
                "columns", Map.of("user", "user", "item", "item", "rating", "rating")), Map.of(), split, false);

        assertThat(describe(spark.split)).isEqualTo(describe(local.split));
        assertThat(spark.split.dataset().users().ids()).containsExactly("c", "a", "b");

        Files.writeString(parts.resolve("part-00001.csv"), "user,item,rating\nb,y,3\na,z\n");
        assertThatThrownBy(() -> run(Map.of("type", "csv", "path", parts.toString(),
                "columns", Map.of("user", "user", "item", "item", "rating", "rating")), Map.of(), split, true))
                .isInstanceOf(DataException.class)
                .hasMessage(parts.resolve("part-00001.csv") + ":3: expected 3 comma-separated fields, found 2");
    }

    @Test
    void parquetGivesTheSplitOfTheSameRowsAsCsv() {
        Path parquet = writeParquet("udata.parquet", UDATA_ROWS);
        Map<String, Object> columns = Map.of("user", "user", "item", "item", "rating", "rating", "timestamp", "timestamp");

        Prepared spark = run(Map.of("type", "parquet", "path", parquet.toString(), "name", "u", "columns", columns),
                FILTER, SPLITS.get(0), true);
        Prepared local = run(Map.of("type", "csv", "path", udata.toString(), "delimiter", "tab", "header", false,
                "columns", Map.of("user", "0", "item", "1", "rating", "2", "timestamp", "3")), FILTER, SPLITS.get(0), false);

        assertThat(describe(spark.split)).isEqualTo(describe(local.split));
        assertThat(withoutPathLines(spark.lines)).isEqualTo(withoutPathLines(local.lines));
    }

    @Test
    void aBadParquetRowFailsNamingFileAndRowOrIsCounted() throws IOException {
        List<Row> rows = new ArrayList<>(UDATA_ROWS.subList(0, 20));
        rows.set(2, RowFactory.create(3, 7, null, 1000L));
        rows.set(9, RowFactory.create(null, 7, 2.0, 1000L));
        Path parquet = writeParquet("bad.parquet", rows);
        Path file;
        try (java.util.stream.Stream<Path> files = Files.list(parquet)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Map<String, Object> columns = Map.of("user", "user", "item", "item", "rating", "rating", "timestamp", "timestamp");

        assertThatThrownBy(() -> run(Map.of("type", "parquet", "path", parquet.toString(), "columns", columns),
                Map.of(), SPLITS.get(0), true)).isInstanceOf(DataException.class)
                .hasMessage(file + ":3: rating is missing or not a number");
        Prepared skipped = run(Map.of("type", "parquet", "path", parquet.toString(), "columns", columns,
                "on-error", "skip"), Map.of(), SPLITS.get(0), true);
        assertThat(skipped.split.dataset().loadCounts()).containsEntry("skipped-lines", 2L)
                .containsEntry("skipped-lines:" + file.getFileName(), 2L).containsEntry("rows", 18L);
        assertThatThrownBy(() -> run(Map.of("type", "parquet", "path", parquet.toString(),
                "columns", Map.of("user", "userId", "item", "item")), Map.of(), SPLITS.get(0), true))
                .isInstanceOf(DataException.class)
                .hasMessage(parquet + ": has no column 'userId'; its columns are [user, item, rating, timestamp]");
    }

    /** One Parquet file of {@code rows}, in their order, in a new folder. */
    private static Path writeParquet(String name, List<Row> rows) {
        Path out = folder.resolve(name);
        LocalSpark.session().createDataFrame(rows, UDATA).coalesce(1).write().parquet(out.toString());
        return out;
    }

    @Test
    void randomOrdersAreDrawnOnTheDriverAsCoreDrawsThem() {
        Map<String, Object> data = Map.of("type", "csv", "path", udata.toString(), "delimiter", "tab", "header", false,
                "columns", Map.of("user", "0", "item", "1", "rating", "2", "timestamp", "3"));
        Map<String, Object> random = Map.of("type", "ratio", "ratios", List.of(0.6, 0.2, 0.2), "order", "random");

        Prepared spark = run(data, Map.of("dedup", "first"), random, true);

        assertThat(spark.lines).contains("data: split on this machine with core's splitter ('ratio' with order: random"
                + " has no Spark job)");
        assertThat(describe(spark.split)).isEqualTo(describe(run(data, Map.of("dedup", "first"), random, false).split));
    }

    @Test
    void dataSparkCannotLoadRunsOnThisMachineAndSaysWhy() {
        Prepared synthetic = run(Map.of("type", "synthetic", "users", 50, "items", 30), Map.of(), SPLITS.get(0), true);

        assertThat(synthetic.lines.get(0)).isEqualTo("data: loaded on this machine (Spark loads data of type csv or parquet,"
                + " not 'synthetic')");
        assertThat(describe(synthetic.split)).isEqualTo(describe(run(Map.of("type", "synthetic", "users", 50,
                "items", 30), Map.of(), SPLITS.get(0), false).split));
    }

    @Test
    void insideASparkTaskTheDataIsPreparedWhereTheTaskRuns() {
        assertThat(SparkDataPreparation.insideATask()).isFalse();
        assertThat(LocalSpark.session().range(2).javaRDD().map(x -> SparkDataPreparation.insideATask()).collect())
                .containsExactly(true, true);
    }

    private static void assertSameAsOneMachine(Map<String, Object> data, Map<String, Object> filter,
                                               Map<String, Object> split) {
        Prepared spark = run(data, filter, split, true);
        Prepared local = run(data, filter, split, false);

        assertThat(describe(spark.split)).as("%s", split).isEqualTo(describe(local.split));
        assertThat(spark.split.dataset().loadCounts()).isEqualTo(local.split.dataset().loadCounts());
        assertThat(spark.lines).as("the run says where the data was prepared")
                .startsWith("data: loading and filtering on Spark (local[2])").contains("data: split on Spark");
        assertThat(withoutPathLines(spark.lines)).isEqualTo(withoutPathLines(local.lines));
        assertThat(local.split.test().size()).as("the split holds something to compare").isGreaterThan(5);
    }

    /** The lines both paths write: the filter line and the split's description. */
    private static List<String> withoutPathLines(List<String> lines) {
        return lines.stream().filter(l -> !l.startsWith("data: ") && !l.startsWith("loading ")).toList();
    }

    private record Prepared(DataSplit split, List<String> lines) {
    }

    private static Prepared run(Map<String, Object> data, Map<String, Object> filter, Map<String, Object> split,
                                boolean onSpark) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("seed", 7);
        tree.put("data", data);
        if (!filter.isEmpty()) {
            tree.put("filter", filter);
        }
        tree.put("split", split);
        if (onSpark) {
            tree.put("spark", Map.of("master", "local[2]"));
        }
        RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(tree), REGISTRY);
        List<String> lines = new ArrayList<>();
        ProgressReporter reporter = new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return ProgressReporter.silent().begin(name, total);
            }

            @Override
            public void info(String message) {
                lines.add(message);
            }
        };
        DefaultPluginContext context = new DefaultPluginContext(config.seed(), "", executor, 1, reporter, Path.of("."));
        return new Prepared(new PipelineTrainer(config, context).loadAndSplit(), lines);
    }

    /** The id spaces and every part's rows, in order, with external ids. */
    private static List<String> describe(DataSplit split) {
        List<String> out = new ArrayList<>();
        out.add("users " + split.dataset().users().ids());
        out.add("items " + split.dataset().items().ids());
        out.add("all " + rows(split, split.dataset().interactions()));
        out.add("train " + rows(split, split.train()));
        out.add("valid " + rows(split, split.valid()));
        out.add("test " + rows(split, split.test()));
        return out;
    }

    private static List<String> rows(DataSplit split, Interactions part) {
        List<String> rows = new ArrayList<>(part.size());
        for (int r = 0; r < part.size(); r++) {
            rows.add(split.dataset().users().id(part.user(r)) + " " + split.dataset().items().id(part.item(r))
                    + (part.hasRatings() ? " " + part.rating(r) : "") + (part.hasTimestamps() ? " " + part.timestamp(r) : ""));
        }
        return rows;
    }
}
