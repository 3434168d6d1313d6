package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI: the quality claims of the foundation are tests with thresholds on
 * seeded data — item-to-item cosine beats popularity on NDCG@10, on the synthetic dataset and on
 * a MovieLens-100K-format folder written by {@link MovieLensFixture}.
 */
class RunCommandTest {
    @TempDir
    Path dir;

    private JsonNode run(String yaml) throws IOException {
        Path config = dir.resolve("run-" + System.nanoTime() + ".yaml");
        Files.writeString(config, yaml);
        CliRunner result = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("out"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("ndcg@10").contains("wrote ");
        assertThat(dir.resolve("out/report.html")).exists();
        assertThat(dir.resolve("out/artifact/manifest.json")).exists();
        return new ObjectMapper().readTree(dir.resolve("out/metrics.json").toFile());
    }

    @Test
    void itemCosineBeatsPopularityOnSyntheticData() throws IOException {
        String data = "data: { type: synthetic, users: 600, items: 300 }\nseed: 7\n";
        JsonNode popularity = run(data + "interest: { type: popularity }\n");
        JsonNode knn = run(data + "interest: { type: item-knn }\nsimilarity: { type: cosine, source: interactions }\n");
        double pop = popularity.path("test").path("ndcg@10").asDouble();
        double cos = knn.path("test").path("ndcg@10").asDouble();
        assertThat(pop).isGreaterThan(0.02);
        assertThat(cos).isGreaterThan(1.5 * pop);
        assertThat(knn.path("valid").path("ndcg@10").asDouble()).isGreaterThan(0);
        JsonNode jaccard = run(data + "interest: { type: item-knn }\nsimilarity: { type: jaccard, source: interactions }\n");
        double jac = jaccard.path("test").path("ndcg@10").asDouble();
        assertThat(jac).isGreaterThan(1.5 * pop).isNotEqualTo(cos);
    }

    @Test
    void runsOnAMovieLens100kFolderAndItemKnnBprAndEaseBeatPopularity() throws IOException {
        Path ml = MovieLensFixture.write(dir.resolve("ml-100k"), 300, 200, 11);
        String data = "data: { type: movielens, path: " + ml + " }\n"
                + "features:\n  user: [ { type: categorical, fields: [gender, occupation] }, { type: numeric, fields: [age] } ]\n"
                + "  item: [ { type: multi-hot, field: genres } ]\n";
        JsonNode popularity = run(data + "interest: { type: popularity }\n");
        JsonNode knn = run(data + "interest: { type: item-knn }\nsimilarity: { type: cosine, source: interactions }\n");
        double pop = popularity.path("test").path("ndcg@10").asDouble();
        double cos = knn.path("test").path("ndcg@10").asDouble();
        assertThat(cos).isGreaterThan(pop * 1.2);
        double bpr = run(data + "interest: { type: bpr }\n").path("test").path("ndcg@10").asDouble();
        double ease = run(data + "interest: { type: ease, lambda: 50 }\n").path("test").path("ndcg@10").asDouble();
        assertThat(bpr).isGreaterThan(pop * 1.2);
        assertThat(ease).isGreaterThan(pop * 1.2);
    }

    @Test
    void theQuickStartManifestRecordsEveryComponentsEffectiveSettingsAndTheLibraryVersions() throws IOException {
        CliRunner result = CliRunner.run("run", "../examples/quickstart.yaml", "--set", "output.dir=" + dir.resolve("qs"));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("qs/artifact/manifest.json").toFile());
        java.util.Map<String, JsonNode> byPath = new java.util.LinkedHashMap<>();
        manifest.path("components").forEach(c -> byPath.put(c.path("path").asText(), c));
        assertThat(byPath).containsOnlyKeys("data", "split", "features.user[0]", "features.user[1]",
                "features.item[0]", "features.item[1]", "similarity", "interest");
        // Defaults the YAML never wrote are there: item-knn's neighbours, the split's ratios, the loader's size.
        assertThat(byPath.get("interest").path("settings").path("neighbours").asInt()).isEqualTo(50);
        assertThat(byPath.get("split").path("settings").path("ratios").toString()).isEqualTo("[0.8,0.1,0.1]");
        assertThat(byPath.get("data").path("settings").path("users").asInt()).isEqualTo(2000);
        assertThat(byPath.get("similarity").path("folder").asText()).isEqualTo("similarity");
        assertThat(byPath.get("data").path("folder").isNull()).isTrue();
        JsonNode libraries = manifest.path("libraries");
        assertThat(libraries.path("java").asText()).isEqualTo(Runtime.version().toString());
        assertThat(libraries.path("smile").asText()).matches("\\d+\\.\\d+.*");
        assertThat(libraries.path("nd4j").asText()).matches("\\d+\\.\\d+.*");
        assertThat(manifest.path("plugins").findValuesAsText("name")).contains("baselines", "similarity", "features");
    }

    @Test
    void aStackOverEaseAndItemKnnTrainsServesAndNeedsTheSimilarityItsBaseDoes() throws IOException {
        String data = "data: { type: synthetic, users: 400, items: 200 }\nseed: 7\n";
        double pop = run(data + "interest: { type: popularity }\n").path("test").path("ndcg@10").asDouble();
        String stack = data + "interest: { type: stack, base: [ {type: ease, lambda: 50}, {type: item-knn} ] }\n";
        double stacked = run(stack + "similarity: { type: cosine }\n").path("test").path("ndcg@10").asDouble();
        assertThat(stacked).isGreaterThan(1.5 * pop);
        CliRunner served = CliRunner.run("recommend", "--artifact", dir.resolve("out/artifact").toString(),
                "--user", "u1", "-k", "5");
        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(served.out().lines().filter(l -> l.contains("i"))).hasSize(5);

        Path config = dir.resolve("stack-without-similarity.yaml");
        Files.writeString(config, stack);
        CliRunner check = CliRunner.run("config", "check", config.toString());
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains("similarity: required by interest model 'item-knn' (interest.base[1])");
    }

    @Test
    void badDataIsAUserErrorNamingFileAndLine() throws IOException {
        Path ml = MovieLensFixture.write(dir.resolve("ml-bad"), 50, 40, 3);
        Files.writeString(ml.resolve("u.data"), Files.readString(ml.resolve("u.data")) + "1\tx\t3\n");
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "data: { type: movielens, path: " + ml + " }\n");
        CliRunner result = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("o"));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("u.data:").doesNotContain("\tat ");

        CliRunner skipping = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("o"),
                "--set", "data.on-error=skip");
        assertThat(skipping.exitCode()).as(skipping.err()).isZero();
        assertThat(skipping.err()).contains("data: skipped-lines 1");
    }

    @Test
    void countsUsedAsRatingsByANonBinarySimilarityAreWarnedAbout() throws IOException {
        StringBuilder plays = new StringBuilder("user,artist,plays\n");
        for (int u = 0; u < 30; u++) {
            for (int a = 0; a < 8; a++) {
                plays.append('u').append(u).append(",a").append((u + a * 3) % 20).append(',').append(1 + (u * 7 + a * 31) % 400).append('\n');
            }
        }
        Files.writeString(dir.resolve("plays.csv"), plays);
        String yaml = "data: { type: csv, path: plays.csv, columns: { user: user, item: artist, rating: plays } }\n"
                + "interest: { type: item-knn }\nsimilarity: { type: cosine, source: interactions }\n"
                + "output: { samples: 0 }\n";
        Path config = Files.writeString(dir.resolve("counts.yaml"), yaml);
        String warning = "warning: data: the ratings look like counts (whole numbers up to 400) and similarity.binary is"
                + " false, so a few large counts dominate the similarity; consider similarity.binary: true";

        CliRunner counts = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("c"));
        assertThat(counts.exitCode()).as(counts.err()).isZero();
        assertThat(counts.err().lines().filter(l -> l.contains("warning: data:")).toList()).hasSize(1)
                .allMatch(l -> l.endsWith(warning));
        CliRunner binary = CliRunner.run("run", config.toString(), "--set", "output.dir=" + dir.resolve("b"),
                "--set", "similarity.binary=true");
        assertThat(binary.exitCode()).as(binary.err()).isZero();
        assertThat(binary.err()).doesNotContain("look like counts");
    }
}
