package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec batch-topk} with Spark on the class path: the CLI finds the job through
 * {@code META-INF/services} and writes only the formats asked for, every user once with ranks 1..K.
 */
class BatchTopKCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheAskedFormatWithEveryUserOnce() throws IOException {
        Path artifact = TrainedArtifacts.train(dir, "popularity", "{ type: popularity }", 60);
        Path out = dir.resolve("top4");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int code = Main.execute(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), "batch-topk", "--artifact", artifact.toString(),
                "--output", out.toString(), "-k", "4", "--format", "tsv", "--master", "local[2]",
                "--conf", "spark.sql.shuffle.partitions=2");

        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("wrote 240 rows (60 users, top 4) to " + out.resolve("tsv"));
        assertThat(out.resolve("parquet")).doesNotExist();
        List<String> lines = BatchTopKTest.tsvLines(out.resolve("tsv"));
        Map<String, List<String>> ranks = lines.stream().map(l -> l.split("\t"))
                .collect(Collectors.groupingBy(f -> f[0], Collectors.mapping(f -> f[3], Collectors.toList())));
        assertThat(ranks).hasSize(60);
        assertThat(ranks.values()).allSatisfy(r -> assertThat(r).containsExactlyInAnyOrder("1", "2", "3", "4"));
    }
}
