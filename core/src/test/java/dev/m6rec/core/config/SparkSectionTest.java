package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark:}: a master Spark accepts and {@code spark.*} conf entries; no section, no Spark. */
class SparkSectionTest {
    @TempDir
    Path dir;

    private RunConfig validate(String yaml) throws IOException {
        Path file = dir.resolve("spark.yaml");
        Files.writeString(file, yaml);
        return RunConfigValidator.validate(new ConfigLoader(Map.<String, String>of()::get, name -> null)
                .read(file, List.of()), StubFactories.registry());
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            validate(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void aConfigWithoutTheSectionRunsWithoutSpark() throws IOException {
        assertThat(validate("seed: 1\n").spark()).isEmpty();
    }

    @Test
    void anEmptySectionMeansEmbeddedSparkOnEveryCore() throws IOException {
        assertThat(validate("spark: {}\n").spark()).contains(new SparkSettings("local[*]", Map.of()));
    }

    @Test
    void readsMasterAndConfEntriesAsStrings() throws IOException {
        Optional<SparkSettings> spark = validate("""
                spark:
                  master: spark://127.0.0.1:7077
                  conf: { spark.executor.memory: 2g, spark.ui.enabled: false, spark.sql.shuffle.partitions: 8 }
                """).spark();
        assertThat(spark).contains(new SparkSettings("spark://127.0.0.1:7077", Map.of("spark.executor.memory", "2g",
                "spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "8")));
        assertThat(validate("spark: {master: 'local[2]'}\n").spark().orElseThrow().master()).isEqualTo("local[2]");
        assertThat(validate("spark: {master: 'local[4,3]'}\n").spark().orElseThrow().master()).isEqualTo("local[4,3]");
    }

    @Test
    void refusesAnUnknownMasterAndBadConfEntriesNamingTheirKeys() throws IOException {
        assertThat(problems("""
                spark:
                  master: 'local[0]'
                  conf: { executor.memory: 2g, spark.jars: [a, b] }
                  workers: 3
                """)).containsExactlyInAnyOrder(
                "spark.master: unknown master 'local[0]'; expected local[*], local[N], spark://HOST:PORT, yarn or k8s://URL",
                "spark.conf.executor.memory: Spark configuration keys start with 'spark.'",
                "spark.conf.spark.jars: expected a single value (was a list of 2)",
                "spark.workers: unknown key; valid keys are [conf, master]");
        assertThat(problems("spark: local\n")).singleElement().asString().startsWith("spark: expected a mapping");
    }
}
