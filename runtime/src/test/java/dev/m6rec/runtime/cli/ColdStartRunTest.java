package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start, measured end to end: the {@code cold-users} split on a MovieLens-100K-format folder
 * written by {@link MovieLensFixture}, whose users' gender and occupation tell their taste group.
 * Test metrics come per user activity group on the console, in metrics.json and in the report;
 * the mlp that sees user attributes ranks held-out users' items better than popularity and than
 * the same mlp without user features.
 */
class ColdStartRunTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        Path ml = MovieLensFixture.write(dir.resolve("ml-100k"), 400, 200, 5);
        config = dir.resolve("cold.yaml");
        Files.writeString(config, "seed: 42\ndata: { type: movielens, path: " + ml + " }\n"
                + "split: { type: cold-users, share: 0.25, reveal: 0, valid-share: 0.1 }\n"
                + "features:\n  user: [ { type: categorical, fields: [gender, occupation] }, { type: numeric, fields: [age] } ]\n"
                + "  item: [ { type: multi-hot, field: genres } ]\n"
                + "interest: { type: popularity }\n"
                + "evaluation: { metrics: [hr@10, ndcg@10] }\n"
                + "output: { samples: 0 }\n");
    }

    private CliRunner run(String name, String... overrides) {
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "--set", "output.dir=" + dir.resolve(name)));
        for (String override : overrides) {
            args.add("--set");
            args.add(override);
        }
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private JsonNode metrics(String name) throws IOException {
        return new ObjectMapper().readTree(dir.resolve(name).resolve("metrics.json").toFile());
    }

    @Test
    void everyTestUserIsColdAndTheGroupsArePrintedWrittenAndReported() throws IOException {
        CliRunner result = run("pop");
        JsonNode json = metrics("pop");
        JsonNode groups = json.path("groups");
        List<String> labels = new ArrayList<>();
        groups.fieldNames().forEachRemaining(labels::add);
        assertThat(labels).containsExactly("0", "1-5", "6-20", "21-100", ">100");
        // 100 of the 400 users are held out whole: all of them in the cold group, the same figures as overall.
        assertThat(groups.path("0").path("users").asInt()).isEqualTo(100);
        assertThat(groups.path("0").path("metrics").path("ndcg@10").asDouble())
                .isEqualTo(json.path("test").path("ndcg@10").asDouble()).isGreaterThan(0);
        for (String warm : List.of("1-5", "6-20", "21-100", ">100")) {
            assertThat(groups.path(warm).path("users").asInt()).as(warm).isZero();
            assertThat(groups.path(warm).path("metrics").path("ndcg@10").isNull()).as(warm).isTrue();
        }
        assertThat(result.out()).contains("test by training interactions per user")
                .containsPattern("(?m)^0 +100 +\\d\\.\\d{4} +\\d\\.\\d{4}$")
                .containsPattern("(?m)^1-5 +0 +- +-$");
        assertThat(Files.readString(dir.resolve("pop/report.html")))
                .contains("Test metrics by user activity")
                .contains("<tr><td>0</td><td>100</td>");
    }

    @Test
    void theMlpWithUserAttributesBeatsPopularityAndTheMlpWithoutThemOnColdUsers() throws IOException {
        run("pop");
        run("mlp", "interest={type: mlp, epochs: 10}");
        run("mlp-no-user", "interest={type: mlp, epochs: 10}", "features.user=[]");
        double popularity = metrics("pop").path("test").path("ndcg@10").asDouble();
        double withUser = metrics("mlp").path("test").path("ndcg@10").asDouble();
        double withoutUser = metrics("mlp-no-user").path("test").path("ndcg@10").asDouble();
        // Measured: mlp 0.715, mlp without user features 0.458, popularity 0.465 (epochs 10).
        assertThat(withUser).as("mlp %.4f, without user features %.4f, popularity %.4f", withUser, withoutUser, popularity)
                .isGreaterThan(1.2 * popularity).isGreaterThan(1.2 * withoutUser);
    }
}
