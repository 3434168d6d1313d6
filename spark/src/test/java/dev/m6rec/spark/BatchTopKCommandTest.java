package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec batch-topk} with Spark on the class path: the CLI finds the job through
 * {@code META-INF/services} and writes only the formats asked for, every user once with ranks 1..K,
 * to a local folder or to a Hadoop file-system URI; an output URI that is taken or whose scheme has
 * no file system is refused with exit 2 and one line.
 */
class BatchTopKCommandTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    private record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void artifact() throws IOException {
        artifact = TrainedArtifacts.train(dir, "popularity", "{ type: popularity }", 60);
    }

    private static Outcome batchTopK(String output, String... more) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("batch-topk", "--artifact", artifact.toString(), "--output", output,
                "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=2"));
        args.addAll(List.of(more));
        int code = Main.execute(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        return new Outcome(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    private static void assertEveryUserOnceWithRanks1To4(Path tsv) throws IOException {
        List<String> lines = BatchTopKTest.tsvLines(tsv);
        Map<String, List<String>> ranks = lines.stream().map(l -> l.split("\t"))
                .collect(Collectors.groupingBy(f -> f[0], Collectors.mapping(f -> f[3], Collectors.toList())));
        assertThat(ranks).hasSize(60);
        assertThat(ranks.values()).allSatisfy(r -> assertThat(r).containsExactlyInAnyOrder("1", "2", "3", "4"));
    }

    @Test
    void writesTheAskedFormatWithEveryUserOnce() throws IOException {
        Path out = dir.resolve("top4");

        Outcome run = batchTopK(out.toString(), "-k", "4", "--format", "tsv");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("wrote 240 rows (60 users, top 4) to " + out.resolve("tsv"));
        assertThat(out.resolve("parquet")).doesNotExist();
        assertEveryUserOnceWithRanks1To4(out.resolve("tsv"));
    }

    @Test
    void writesToAFileUriThroughHadoopsFileSystem() throws IOException {
        Path out = dir.resolve("uri-top4");
        String uri = "file://" + out; // file:///tmp/..., as a user types it

        Outcome run = batchTopK(uri, "-k", "4");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().trim())
                .isEqualTo("wrote 240 rows (60 users, top 4) to " + uri + "/parquet and " + uri + "/tsv");
        assertEveryUserOnceWithRanks1To4(out.resolve("tsv"));
        assertThat(BatchTopKTest.parquetLists(LocalSpark.session(), out.resolve("parquet"))).hasSize(60);
    }

    @Test
    void aTakenOutputUriIsExit2WithOneLine() throws IOException {
        Path out = dir.resolve("taken");
        Files.createDirectories(out.resolve("tsv"));
        String uri = "file://" + out + "/";

        Outcome run = batchTopK(uri, "--format", "parquet,tsv");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --output: " + uri + "tsv already exists; remove it or choose another "
                + "folder" + System.lineSeparator());
        assertThat(out.resolve("parquet")).doesNotExist();
    }

    @Test
    void anOutputUriThatIsAFileIsExit2WithOneLine() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Outcome run = batchTopK("file://" + file);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --output: file://" + file + " exists and is not a folder"
                + System.lineSeparator());
    }

    @Test
    void aSchemeWithoutAFileSystemIsExit2WithOneLine() {
        Outcome run = batchTopK("nosuchfs://bucket/top10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --output: nosuchfs://bucket/top10: no Hadoop file system for the "
                + "scheme 'nosuchfs' on the class path (file, hdfs and those of the cluster's Hadoop)"
                + System.lineSeparator());
    }

    @Test
    void aUriThatNamesNoFolderIsExit2WithOneLine() {
        Outcome run = batchTopK("file:top10");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --output: 'file:top10' names no folder; expected "
                + "SCHEME://[HOST]/PATH (no query), e.g. file:///data/top10 or hdfs://namenode/recs/top10"
                + System.lineSeparator());
    }
}
