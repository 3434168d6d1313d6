package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec run} of an {@code als} config in a child JVM whose class path adds Spark's closure,
 * as {@code ./m6rec} does for a config with a {@code spark:} section; then the artifact serves here,
 * through the ordinary facade, in this JVM that has no Spark at all (runtime's class path gets the
 * spark plugin without its provided Spark).
 */
class SparkRunThenServeTest {
    private static final String CONFIG = """
            seed: 3
            spark: { master: 'local[2]', conf: { spark.sql.shuffle.partitions: 2, spark.default.parallelism: 2 } }
            data: { type: synthetic, users: 300, items: 120 }
            interest: { type: als, rank: 8, iterations: 4, blocks: 2, alpha: 2.0 }
            output: { samples: 1, k: 5 }
            """;
    /** A printed sample line: rank, item, score, optional held-out star. */
    private static final Pattern SAMPLE = Pattern.compile("^\\s+(\\d+)\\. (\\S+)\\s+(-?[0-9.]+)", Pattern.MULTILINE);
    private static final Pattern SAMPLE_USER = Pattern.compile("^user (\\S+) \\(", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void trainsOnSparkInAChildJvmAndServesHereWithoutSpark() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
        Path config = dir.resolve("spark.yaml");
        Files.writeString(config, CONFIG);
        Path out = dir.resolve("out");

        String printed = runWithSpark("run", config.toString(), "--set", "output.dir=" + out);

        Matcher user = SAMPLE_USER.matcher(printed);
        assertThat(user.find()).as(printed).isTrue();
        List<String> trainedItems = new ArrayList<>();
        List<Float> trainedScores = new ArrayList<>();
        Matcher line = SAMPLE.matcher(printed.substring(user.end()));
        while (line.find() && trainedItems.size() < 5) {
            trainedItems.add(line.group(2));
            trainedScores.add(Float.parseFloat(line.group(3)));
        }
        assertThat(trainedItems).hasSize(5);
        try (M6Rec served = M6Rec.load(out.resolve("artifact"), List.of())) {
            List<Recommendation> list = served.recommend(user.group(1), 5, item -> true);

            assertThat(list).extracting(Recommendation::item).containsExactlyElementsOf(trainedItems);
            for (int r = 0; r < list.size(); r++) {
                assertThat(list.get(r).score()).isCloseTo(trainedScores.get(r), org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
        assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void alsWithoutSparkOnTheClassPathIsAUserErrorNamingTheFix() throws IOException {
        Path config = dir.resolve("no-spark.yaml");
        Files.writeString(config, "data: { type: synthetic, users: 50, items: 30 }\ninterest: { type: als }\n");

        CliRunner result = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("out"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err().lines().filter(l -> l.startsWith("error: "))).singleElement().asString()
                .startsWith("error: interest: als trains on Spark, which is not on the class path (")
                .endsWith("); add a spark: section to the config, or run it through spark-submit");
    }

    /** The CLI in a child JVM with this class path plus Spark's, and Spark's JVM options, as ./m6rec runs it. */
    private String runWithSpark(String... args) throws IOException, InterruptedException {
        Path sparkLib = Path.of(System.getProperty("m6rec.sparkLib"));
        Path jvmOptions = Path.of(System.getProperty("m6rec.sparkJvmOptions"));
        assertThat(sparkLib).as("built by plugins/spark's package phase").isDirectory();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(List.of(Files.readString(jvmOptions).trim().split("\\s+")));
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator + sparkLib + File.separator + "*");
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Generous: Spark's start-up alone takes tens of seconds on a loaded 2-core machine.
        boolean done = child.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as(output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
