package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar ({@code target/m6rec-spark.jar}) through {@code spark-submit}: Spark's own
 * {@code SparkSubmit} in a child JVM whose class path is Spark's closure alone, as a Spark
 * installation's {@code jars/} folder is. It trains an {@code als} config with {@code run}, then lists
 * every user with {@code batch-topk}. The config's {@code spark.master} names a cluster that does not
 * exist, so the run only finishes if spark-submit's {@code --master local[2]} wins.
 */
class SparkSubmitIT {
    private static final String CONFIG = """
            seed: 3
            spark: { master: 'spark://127.0.0.1:9', conf: { spark.sql.shuffle.partitions: 2, spark.default.parallelism: 2 } }
            data: { type: synthetic, users: 150, items: 60 }
            interest: { type: als, rank: 4, iterations: 2, blocks: 2 }
            output: { samples: 0 }
            """;

    @TempDir
    Path dir;

    @Test
    void runsAConfigAndBatchTopKThroughSparkSubmitWithItsMaster() throws Exception {
        Path config = Files.writeString(dir.resolve("als.yaml"), CONFIG);
        Path run = dir.resolve("run");

        String trained = submit("run", config.toString(), "--set", "output.dir=" + run);

        assertThat(trained).contains("wrote " + run.resolve("metrics.json"));
        assertThat(run.resolve("artifact").resolve("manifest.json")).isRegularFile();
        Path out = dir.resolve("top3");
        String listed = submit("batch-topk", "--artifact", run.resolve("artifact").toString(), "--output", out.toString(),
                "-k", "3");

        List<String> users;
        try (M6Rec served = M6Rec.load(run.resolve("artifact"), List.of())) {
            users = served.users();
        }
        assertThat(listed).contains("wrote " + users.size() * 3 + " rows (" + users.size() + " users, top 3) to "
                + out.resolve("parquet") + " and " + out.resolve("tsv"));
        Map<String, List<String>> ranks = new TreeMap<>();
        for (String line : BatchTopKTest.tsvLines(out.resolve("tsv"))) {
            String[] f = line.split("\t");
            ranks.computeIfAbsent(f[0], u -> new ArrayList<>()).add(f[3]);
        }
        assertThat(ranks.keySet()).containsExactlyInAnyOrderElementsOf(users);
        assertThat(ranks.values()).allSatisfy(r -> assertThat(r).containsExactlyInAnyOrder("1", "2", "3"));
        assertThat(out.resolve("parquet").resolve("_SUCCESS")).isRegularFile();
    }

    /** {@code spark-submit --class Main --master local[2] m6rec-spark.jar ARGS}; returns its output. */
    private String submit(String... args) throws IOException, InterruptedException {
        Path sparkLib = Path.of(System.getProperty("m6rec.sparkLib"));
        Path jar = Path.of(System.getProperty("m6rec.submitJar"));
        assertThat(jar).as("built by the package phase").isRegularFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(System.getProperty("m6rec.sparkJvmOptionsText").trim().split("\\s+")));
        command.addAll(List.of("-cp", sparkLib.toAbsolutePath() + File.separator + "*",
                "org.apache.spark.deploy.SparkSubmit", "--class", "dev.m6rec.runtime.cli.Main", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", jar.toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(args[0] + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Generous: Spark's start-up alone takes tens of seconds on a loaded 2-core machine.
        boolean done = child.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
