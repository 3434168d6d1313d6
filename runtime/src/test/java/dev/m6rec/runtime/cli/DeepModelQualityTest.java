package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deep interest model's quality claim, end to end on the quick-start data (the shipped
 * example, seed 42, 2000 users, per-user ratio split, full ranking): the {@code mlp} of
 * {@code examples/quickstart-mlp.yaml} beats {@code bpr} and {@code popularity} on test NDCG@10,
 * and its rating head gives a sane RMSE on the 1-5 scale; likewise on a folder in the
 * MovieLens-100K format written by {@link MovieLensFixture}. On the same generator with strong
 * planted sequences, the {@code cnn} of {@code examples/quickstart-cnn.yaml} beats both.
 */
class DeepModelQualityTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "quickstart-mlp.yaml");
    private static final Path CNN_EXAMPLE = Path.of("..", "examples", "quickstart-cnn.yaml");

    @TempDir
    Path dir;

    private JsonNode run(String name, String... overrides) throws IOException {
        return runFile(EXAMPLE, name, overrides);
    }

    private JsonNode runFile(Path config, String name, String... overrides) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", config.toString(),
                "--set", "output.dir=" + dir.resolve(name), "--set", "output.samples=0"));
        for (String override : overrides) {
            args.add("--set");
            args.add(override);
        }
        CliRunner result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper().readTree(dir.resolve(name).resolve("metrics.json").toFile());
    }

    @Test
    void mlpBeatsBprAndPopularityOnTheQuickStartData() throws IOException {
        JsonNode mlp = run("mlp");
        double bpr = run("bpr", "interest={type: bpr}").path("test").path("ndcg@10").asDouble();
        double popularity = run("popularity", "interest={type: popularity}").path("test").path("ndcg@10").asDouble();
        double deep = mlp.path("test").path("ndcg@10").asDouble();
        assertThat(deep).isGreaterThan(bpr).isGreaterThan(2 * popularity);
        assertThat(mlp.path("test").path("rmse").asDouble()).isBetween(0.3, 1.2);
    }

    @Test
    void mlpBeatsBprOnAMovieLens100kFormatFolder() throws IOException {
        Path ml = MovieLensFixture.write(dir.resolve("ml-100k"), 300, 200, 11);
        Path config = dir.resolve("ml.yaml");
        Files.writeString(config, "seed: 42\ndata: { type: movielens, path: " + ml + " }\n"
                + "split: { type: ratio, ratios: [0.8, 0.1, 0.1], order: random, per-user: true }\n"
                + "features:\n  user: [ { type: categorical, fields: [gender, occupation] }, { type: numeric, fields: [age] } ]\n"
                + "  item: [ { type: multi-hot, field: genres } ]\n"
                + "similarity: { type: cosine, source: interactions, neighbours: 50 }\n"
                + "interest: { type: mlp }\n");   // the defaults
        double mlp = runFile(config, "ml-mlp").path("test").path("ndcg@10").asDouble();
        double bpr = runFile(config, "ml-bpr", "interest={type: bpr}").path("test").path("ndcg@10").asDouble();
        double popularity = runFile(config, "ml-pop", "interest={type: popularity}").path("test").path("ndcg@10").asDouble();
        // Measured: mlp 0.330, bpr 0.242, popularity 0.144.
        assertThat(mlp).as("mlp %.4f against bpr %.4f", mlp, bpr).isGreaterThan(bpr).isGreaterThan(popularity);
    }

    @Test
    void cnnBeatsMlpAndPopularityWhenTheNextItemFollowsTheLastOnes() throws IOException {
        // The quick-start data with strong planted sequences (the next item shares a tag with the
        // last ones 90% of the time), each user's latest item held out.
        String[] sequential = {"data.users=1000", "data.sequence-strength=0.9",
                "split={type: leave-one-out, order: time, valid: true}"};
        double cnn = runFile(CNN_EXAMPLE, "seq-cnn", sequential).path("test").path("ndcg@10").asDouble();
        double mlp = runFile(EXAMPLE, "seq-mlp", sequential).path("test").path("ndcg@10").asDouble();
        String[] popular = java.util.Arrays.copyOf(sequential, sequential.length + 1);
        popular[sequential.length] = "interest={type: popularity}";
        double popularity = runFile(EXAMPLE, "seq-pop", popular).path("test").path("ndcg@10").asDouble();
        assertThat(cnn).as("cnn %.4f, mlp %.4f, popularity %.4f", cnn, mlp, popularity)
                .isGreaterThan(1.2 * mlp).isGreaterThan(2 * popularity);
    }
}
