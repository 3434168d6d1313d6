package dev.m6rec.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.server.RecommendationServerTest.Served;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 3: {@code /admin/*} is off without a token and refuses requests without the
 * right one; reloads read only under the reload roots; {@code /health} shows no path.
 */
class AdminEndpointTest {
    @TempDir
    static Path served;
    @TempDir
    static Path elsewhere;
    private static Path popularity;
    private static Path outside;

    @BeforeAll
    static void train() {
        popularity = TinyPipelines.artifact(served, "pop", TinyPipelines.POPULARITY);
        outside = TinyPipelines.copy(popularity, elsewhere.resolve("outside"));
    }

    @Test
    void withoutAConfiguredTokenTheAdminEndpointsAreOff() {
        M6Rec rec = M6Rec.load(popularity, List.of());
        try (Served s = Served.of(rec, new ServerSettings("127.0.0.1", 0, 2, false, popularity), Map.of())) {
            RawHttpClient.Answer refused = s.admin().post("/admin/reload", null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.error()).isEqualTo("the admin endpoints are off; start the server with --admin-token-file"
                    + " or the M6REC_ADMIN_TOKEN environment variable to turn them on");
            assertThat(s.server().metrics().reloads(true) + s.server().metrics().reloads(false)).isZero();
        }
    }

    @Test
    void aReloadNeedsTheToken() {
        try (Served s = Served.of(popularity, false)) {
            RawHttpClient.Answer none = s.client().post("/admin/reload", null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.error()).isEqualTo("the admin endpoints need the header 'Authorization: Bearer <token>'");
            RawHttpClient.Answer wrong = s.client().withToken(RecommendationServerTest.TOKEN + "x").post("/admin/reload", null);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.error()).isEqualTo("wrong admin token");
            assertThat(s.server().metrics().reloads(true) + s.server().metrics().reloads(false)).isZero();

            RawHttpClient.Answer ok = s.admin().post("/admin/reload", null);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.json().get("version").asText()).isEqualTo(s.rec().version());
        }
    }

    @Test
    void aReloadOutsideTheRootsIsRefusedAndTheOldArtifactKeepsServing() throws IOException {
        Path link = served.resolve("link-to-outside");
        Files.createSymbolicLink(link, outside);
        try (Served s = Served.of(popularity, false)) {
            String version = s.rec().version();
            for (Path target : List.of(outside, link, served.resolve("..").resolve(elsewhere.getFileName()).resolve("outside"))) {
                RawHttpClient.Answer refused = s.admin().post("/admin/reload", "{\"artifact\": \"" + target + "\"}");
                assertThat(refused.status()).as(target.toString()).isEqualTo(403);
                assertThat(refused.error()).as(target.toString()).isEqualTo("reload of " + target + " refused: artifacts may"
                        + " be loaded only from under " + served.toAbsolutePath().normalize() + " (--reload-root)");
            }
            assertThat(s.rec().version()).isEqualTo(version);

            M6Rec rec = M6Rec.load(popularity, List.of());
            ServerSettings rooted = new ServerSettings("127.0.0.1", 0, 2, false, popularity)
                    .withAdmin(RecommendationServerTest.TOKEN, List.of(elsewhere));
            try (Served other = Served.of(rec, rooted, Map.of())) {
                assertThat(other.admin().post("/admin/reload", "{\"artifact\": \"" + outside + "\"}").status()).isEqualTo(200);
                assertThat(other.admin().post("/admin/reload", "{\"artifact\": \"" + popularity + "\"}").status())
                        .as("the served folder is not a root once roots are given").isEqualTo(403);
            }
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void healthAndMetricsShowNoPath() {
        try (Served s = Served.of(popularity, false)) {
            String health = s.client().get("/health").body();
            String metrics = s.client().get("/metrics").body();
            String folder = served.toAbsolutePath().normalize().toString();
            assertThat(health).doesNotContain(folder).doesNotContain("pop").doesNotContain("/");
            assertThat(metrics).doesNotContain(folder);
            assertThat(s.client().get("/health").json().get("version").asText())
                    .isEqualTo(s.rec().version().substring(s.rec().version().lastIndexOf('@') + 1));
        }
    }
}
