package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m6rec run} with {@code models:}: one shared load, split and features; one table; per-user
 * results whose means are the table; significance against the first model; a folder per model whose
 * numbers are those of the model run alone; and k-fold cross-validation's mean and sd.
 */
class ModelComparisonRunTest {
    private static final String DATA = """
            seed: 7
            data: { type: synthetic, users: 500, items: 250 }
            features:
              item: [ { type: categorical, fields: [category] } ]
            similarity: { type: cosine, source: interactions }
            evaluation: { metrics: [hr@10, ndcg@10, recall@10, auc] }
            """;
    private static final String MODELS = """
            models:
              - { name: pop, interest: { type: popularity } }
              - { name: knn, interest: { type: item-knn } }
              - { name: ease, interest: { type: ease, lambda: 50 } }
            """;

    @TempDir
    static Path dir;
    private static CliRunner compared;
    private static JsonNode metrics;

    @BeforeAll
    static void runTheComparisonOnce() throws IOException {
        compared = run(DATA + MODELS, dir.resolve("compare"));
        metrics = new ObjectMapper().readTree(dir.resolve("compare/metrics.json").toFile());
    }

    private static CliRunner run(String yaml, Path out) throws IOException {
        Path config = dir.resolve("run-" + System.nanoTime() + ".yaml");
        Files.writeString(config, yaml);
        CliRunner result = CliRunner.run("run", config.toString(), "--set", "output.dir=" + out);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private static JsonNode model(String name) {
        for (JsonNode m : metrics.path("models")) {
            if (m.path("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no model " + name + " in " + metrics);
    }

    @Test
    void oneTableWithARowPerModelAndEachModelsOutputsInItsOwnFolder() {
        assertThat(metrics.path("baseline").asText()).isEqualTo("pop");
        assertThat(metrics.path("folds").asInt()).isEqualTo(1);
        assertThat(metrics.path("models").findValuesAsText("name")).containsExactly("pop", "knn", "ease");
        assertThat(model("ease").path("type").asText()).isEqualTo("ease");
        assertThat(model("knn").path("fit-seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(model("knn").path("valid").path("ndcg@10").asDouble()).isGreaterThan(0);
        for (String name : List.of("pop", "knn", "ease")) {
            assertThat(dir.resolve("compare/" + name + "/artifact/manifest.json")).exists();
            assertThat(dir.resolve("compare/" + name + "/metrics.json")).exists();
        }
        // Loaded and split once: the dataset line is printed once for three models.
        assertThat(compared.err().lines().filter(l -> l.contains("synthetic: 500 users"))).hasSize(1);
        assertThat(compared.out()).contains("model").contains("* = differs from pop")
                .contains("95% bootstrap interval").contains("head share");
        String knnRow = compared.out().lines().filter(l -> l.startsWith("knn ")).findFirst().orElseThrow();
        assertThat(knnRow).contains("*");
    }

    @Test
    void aModelsNumbersAreThoseOfTheModelRunAlone() throws IOException {
        Path alone = dir.resolve("alone");
        run(DATA + "interest: { type: ease, lambda: 50 }\n", alone);
        JsonNode single = new ObjectMapper().readTree(alone.resolve("metrics.json").toFile());
        for (String metric : List.of("hr@10", "ndcg@10", "recall@10", "auc")) {
            assertThat(model("ease").path("test").path(metric).asDouble()).as(metric)
                    .isEqualTo(single.path("test").path(metric).asDouble());
            assertThat(model("ease").path("valid").path(metric).asDouble()).as(metric)
                    .isEqualTo(single.path("valid").path(metric).asDouble());
        }
    }

    @Test
    void perUserMeansAreTheTablesTestValues() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("compare/per-user.tsv"));
        assertThat(lines.get(0)).isEqualTo("model\tuser\tmetric\tvalue\thistory");
        Map<String, double[]> sums = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(5);
            assertThat(Integer.parseInt(f[4])).isGreaterThanOrEqualTo(0);
            double[] s = sums.computeIfAbsent(f[0] + " " + f[2], k -> new double[2]);
            s[0] += Double.parseDouble(f[3]);
            s[1]++;
        }
        // Per-user metrics only (auc is a mean over users too, but not a per-user metric at K).
        assertThat(sums).containsOnlyKeys("pop hr@10", "pop ndcg@10", "pop recall@10", "knn hr@10", "knn ndcg@10",
                "knn recall@10", "ease hr@10", "ease ndcg@10", "ease recall@10");
        sums.forEach((key, s) -> {
            String[] k = key.split(" ");
            assertThat(s[0] / s[1]).as(key).isCloseTo(model(k[0]).path("test").path(k[1]).asDouble(), within(1e-9));
        });
    }

    @Test
    void eachModelIsTestedAgainstTheBaselineOnTheSameUsers() {
        assertThat(model("pop").path("significance").size()).isZero();
        JsonNode knn = model("knn").path("significance").path("ndcg@10");
        // Item-knn is far above popularity on this data: both tests reject, after Holm.
        assertThat(knn.path("t").asDouble()).isGreaterThan(0);
        assertThat(knn.path("t-p-holm").asDouble()).isLessThan(0.05).isGreaterThanOrEqualTo(knn.path("t-p").asDouble());
        assertThat(knn.path("wilcoxon-p-holm").asDouble()).isLessThan(0.05);
        assertThat(knn.path("mark").asText()).isEqualTo("*");
        int users = knn.path("users").asInt();
        assertThat(users).isEqualTo(model("ease").path("significance").path("ndcg@10").path("users").asInt())
                .isGreaterThan(300);
        JsonNode ci = model("knn").path("test-ci95").path("ndcg@10");
        double ndcg = model("knn").path("test").path("ndcg@10").asDouble();
        assertThat(ci.get(0).asDouble()).isLessThan(ndcg);
        assertThat(ci.get(1).asDouble()).isGreaterThan(ndcg);
    }

    @Test
    void groupsAndHeadTailExposureArePerModel() {
        JsonNode pop = model("pop").path("exposure");
        // Popularity recommends the most popular unseen items: its lists are nearly all head (a user who
        // has seen many head items gets a few from below the 50 most popular), more than item-knn's.
        double popHead = pop.path("head").path("exposure").asDouble();
        assertThat(popHead).isGreaterThan(0.99);
        assertThat(popHead + pop.path("tail").path("exposure").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(pop.path("head").path("items").asInt()).isEqualTo(50);
        assertThat(pop.path("tail").path("items").asInt()).isEqualTo(200);
        double knnTail = model("knn").path("exposure").path("tail").path("exposure").asDouble();
        assertThat(knnTail).isGreaterThan(0.01).isGreaterThan(1 - popHead);
        assertThat(model("knn").path("groups").size()).isGreaterThan(0);
    }

    @Test
    void kFoldReportsMeanAndSdOverTheFolds() throws IOException {
        Path out = dir.resolve("kfold");
        CliRunner result = run(DATA.replace("users: 500, items: 250", "users: 200, items: 100")
                + "split: { type: k-fold, folds: 3 }\nmodels:\n  - { name: pop, interest: { type: popularity } }\n"
                + "  - { name: knn, interest: { type: item-knn } }\n", out);
        JsonNode folds = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(folds.path("folds").asInt()).isEqualTo(3);
        JsonNode knn = folds.path("models").get(1);
        assertThat(knn.path("test").path("ndcg@10").asDouble()).isGreaterThan(0);
        assertThat(knn.path("test-sd").path("ndcg@10").asDouble()).isGreaterThan(0);
        // No validation part in the folds by default: valid is null, not a made-up number.
        assertThat(knn.path("valid").path("ndcg@10").isNull()).isTrue();
        assertThat(result.out()).contains("mean ± sd over 3 folds").contains(" ± ").contains("valid: no validation part");
        assertThat(result.err()).contains("fold 3/3: model 2/2: knn");
        assertThat(out.resolve("per-user.tsv")).doesNotExist();
    }
}
