package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user's top-K as a Spark job on {@code local[2]}: the same lists, scores and ranks as the
 * single-machine facade gives, each user exactly once, in both Parquet and TSV.
 */
class BatchTopKTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkSession.builder().master("local[2]").appName("BatchTopKTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void listsEveryUserOnceAsTheFacadeDoesInParquetAndTsv() throws IOException {
        Path artifact = TrainedArtifacts.train(dir, "bpr", "{ type: bpr, factors: 8, epochs: 3 }", 230);
        Path out = dir.resolve("bpr-top5");

        BatchTopK.Summary summary = BatchTopK.run(spark, artifact, new BatchTopK.Options(5, 16, 7), out);

        Map<String, List<Recommendation>> expected = expectedLists(artifact, 5, 7, 16);
        assertThat(summary.users()).isEqualTo(expected.size()).isEqualTo(230);
        assertThat(summary.rows()).isEqualTo(230L * 5);
        assertThat(parquetLists(summary.parquet())).isEqualTo(expected);
        assertThat(tsvLines(summary.tsv())).containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(r -> e.getKey() + "\t" + r.item() + "\t" + r.score() + "\t"
                        + r.rank())).toList());
    }

    @Test
    void scoresAnAlsArtifactTrainedOnSpark() throws IOException {
        Path artifact = TrainedArtifacts.train(dir, "als", "{ type: als, rank: 4, iterations: 2, blocks: 2 }", 90);
        Path out = dir.resolve("als-top3");

        BatchTopK.Summary summary = BatchTopK.run(spark, artifact, new BatchTopK.Options(3, 7, 4), out);

        assertThat(parquetLists(summary.parquet())).isEqualTo(expectedLists(artifact, 3, 4, 7));
    }

    @Test
    void refusesAFolderThatIsNoArtifactBeforeAnyTask() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchTopK.run(spark, dir.resolve("missing"),
                        new BatchTopK.Options(3, 7, 0), dir.resolve("none")))
                .isInstanceOf(ArtifactException.class)
                .hasMessage(dir.resolve("missing") + ": not an M6-Rec artifact (no manifest.sha256)");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    /**
     * The facade's lists, scored in the same blocks as the job's tasks: a GEMM's float rounding depends on
     * the block's shape (BPR documents 1e-5), so equal blocks give bit-equal scores.
     */
    static Map<String, List<Recommendation>> expectedLists(Path artifact, int k, int partitions, int block) {
        Map<String, List<Recommendation>> lists = new TreeMap<>();
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            List<String> users = rec.users();
            for (UserRanges.Range range : UserRanges.split(users.size(), partitions)) {
                for (int from = range.from(); from < range.to(); from += block) {
                    List<String> some = users.subList(from, Math.min(range.to(), from + block));
                    List<List<Recommendation>> all = rec.recommendAll(some, k);
                    for (int u = 0; u < some.size(); u++) {
                        lists.put(some.get(u), all.get(u));
                    }
                }
            }
        }
        return lists;
    }

    /** The Parquet rows grouped by user, failing on a user listed twice or a rank out of order. */
    static Map<String, List<Recommendation>> parquetLists(Path parquet) {
        return parquetLists(spark, parquet);
    }

    static Map<String, List<Recommendation>> parquetLists(SparkSession spark, Path parquet) {
        Map<String, List<Recommendation>> lists = new TreeMap<>();
        List<Row> rows = new ArrayList<>(spark.read().parquet(parquet.toUri().toString())
                .orderBy("user", "rank").collectAsList());
        for (Row row : rows) {
            List<Recommendation> list = lists.computeIfAbsent(row.getString(0), u -> new ArrayList<>());
            assertThat(row.getInt(3)).as("rank of %s", row).isEqualTo(list.size() + 1);
            list.add(new Recommendation(row.getString(1), row.getFloat(2), row.getInt(3)));
        }
        return lists;
    }

    static List<String> tsvLines(Path tsv) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(tsv)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        return lines;
    }
}
