package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HNSW graph of embedding recall ({@code recommend.index: hnsw}) is stored in the artifact
 * beside everything else: checksummed, restored instead of rebuilt, and refused when altered.
 */
class RecallIndexArtifactTest {
    private static final String VAE_HNSW = """
            seed: 5
            data: { type: synthetic, users: 200, items: 100 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            interest: { type: vae, hidden: [16], latent: 8, epochs: 3 }
            recommend: { recall: { embedding: 30, popular: 5 }, index: hnsw, hnsw: { m: 4, beam-width: 20, ef-search: 40 } }
            """;
    private static final String NEIGHBOURS = "recall-index/level-0-neighbours.i32";
    @TempDir
    static Path dir;
    private static Path artifact;
    private static int copies;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "vae-hnsw", VAE_HNSW);
    }

    private static Path copy() {
        return TinyPipelines.copy(artifact, dir.resolve("copy-" + copies++)).toAbsolutePath();
    }

    @Test
    void theGraphIsStoredAndTheLoadedPipelineServesTheSameLists() {
        assertThat(artifact.resolve(NEIGHBOURS)).isRegularFile();
        assertThat(artifact.resolve("recall-index/hnsw.i32")).isRegularFile();
        try (M6Rec trained = TinyPipelines.train(dir, "vae-hnsw-again", VAE_HNSW);
             M6Rec loaded = M6Rec.load(artifact, List.of())) {
            for (String user : List.of("u1", "u7", "u42", "u150")) {
                assertThat(loaded.recommend(user, 10, null)).as(user).isEqualTo(trained.recommend(user, 10, null));
            }
        }
    }

    @Test
    void aFlippedByteInTheGraphIsRefusedByItsChecksum() {
        Path copy = copy();
        TinyPipelines.flipOneByte(copy.resolve(NEIGHBOURS));
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessageContaining(copy.resolve(NEIGHBOURS).toString());
    }

    @Test
    void aResealedNeighbourOutOfRangeIsRefusedNamingTheFile() {
        Path copy = copy();
        Reseal.setInt(copy, NEIGHBOURS, 3, 100);
        assertThatThrownBy(() -> M6Rec.load(copy, List.of())).isInstanceOf(ArtifactException.class)
                .hasMessage(copy.resolve(NEIGHBOURS) + ": neighbour 100 at 3 is not a node of level 0 (ids [0, 100))");
    }

    @Test
    void theCliReportsABadGraphAsOneLineWithExit2() {
        Path copy = copy();
        Reseal.setInt(copy, NEIGHBOURS, 0, -1);
        CliRunner result = CliRunner.run("recommend", "--artifact", copy.toString(), "--user", "u1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + copy.resolve(NEIGHBOURS)
                + ": neighbour -1 at 0 is not a node of level 0 (ids [0, 100))" + System.lineSeparator());
    }

    @Test
    void exactSearchStoresNoGraph() throws Exception {
        Path exact = TinyPipelines.artifact(dir, "vae-exact", VAE_HNSW.replace("index: hnsw", "index: exact"));
        assertThat(Files.exists(exact.resolve("recall-index"))).isFalse();
    }
}
