package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec run} with a {@code spark:} section evaluates on Spark ({@link SparkEvaluation}, found
 * by core through {@code META-INF/services}) and writes exactly what the run without it writes: the
 * same {@code metrics.json} (valid, test, activity groups), and for a model comparison the same
 * per-user values and significance tests.
 */
class SparkEvaluationRunTest {
    private static final String SPARK = "spark: { master: 'local[2]', conf: { spark.sql.shuffle.partitions: 2 } }\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void session() {
        LocalSpark.session();
    }

    @Test
    void runWritesTheSameMetricsAsWithoutSpark() throws IOException {
        String body = "data: { type: synthetic, users: 80, items: 50 }\n"
                + "interest: { type: ease, lambda: 20 }\n"
                + "evaluation: { metrics: [hr@10, ndcg@10, recall@10, auc, coverage@10], groups: [5, 10] }\n";
        Path here = run("here", body);
        String spark = runOutput("spark", SPARK + body);

        assertThat(spark).contains("evaluating on Spark (local[2]");
        assertThat(Files.readString(dir.resolve("spark-out/metrics.json")))
                .isEqualTo(Files.readString(here.resolve("metrics.json")));
        assertThat(Files.readString(here.resolve("metrics.json"))).contains("\"ndcg@10\"", "\"groups\"");
    }

    @Test
    void comparisonWritesTheSamePerUserValuesAndTests() throws IOException {
        String body = "data: { type: synthetic, users: 60, items: 40 }\n"
                + "similarity: { type: cosine, source: interactions, neighbours: 10 }\n"
                + "models:\n  - { name: popularity, interest: { type: popularity } }\n"
                + "  - { name: knn, interest: { type: item-knn } }\n"
                + "evaluation: { metrics: [hr@10, ndcg@10] }\n";
        Path here = run("here", body);
        assertThat(runOutput("spark", SPARK + body)).contains("evaluating on Spark (local[2]");

        for (String file : new String[] {"metrics.json", "per-user.tsv", "popularity/metrics.json", "knn/metrics.json"}) {
            assertThat(withoutTimes(dir.resolve("spark-out").resolve(file))).as(file)
                    .isEqualTo(withoutTimes(here.resolve(file)));
        }
        assertThat(Files.readString(here.resolve("metrics.json"))).contains("\"significance\"", "\"test-ci95\"");
        assertThat(Files.readAllLines(here.resolve("per-user.tsv"))).hasSizeGreaterThan(10);
    }

    /** The file without the lines of wall times (the comparison's fit and evaluate seconds), which differ run to run. */
    private static List<String> withoutTimes(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.contains("-seconds\"")).toList();
    }

    private Path run(String name, String body) throws IOException {
        runOutput(name, body);
        return dir.resolve(name + "-out");
    }

    /** Runs {@code m6rec run} on the config and returns its standard error (the progress lines). */
    private String runOutput(String name, String body) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, "seed: 9\n" + body + "output: { dir: " + dir.resolve(name + "-out") + ", samples: 1 }\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), "run", config.toString());
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err).isZero();
        return err;
    }
}
