package dev.m6rec.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the host on the real quick-start config (shrunk), so the example never rots. */
class EmbeddingHostTest {
    /** The quick start shipped in examples/, as a user would run it. */
    private static final Path QUICKSTART = Path.of("..", "quickstart.yaml");

    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmbeddingHost.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void trainsTheQuickStartThenAClickedItemLeavesTheUsersList() {
        assertThat(QUICKSTART).exists();
        Path artifact = dir.resolve("artifact");
        String out = run("--config", QUICKSTART.toString(), "--set", "data.users=300", "--set", "data.items=150",
                "--save", artifact.toString(), "--users", "u3,u7", "-k", "4");
        assertThat(out).contains("trained ").contains("test ndcg@10 ").contains("saved " + artifact);
        for (String user : List.of("u3", "u7")) {
            String before = line(out, user + " sees:    ");
            String clicked = line(out, user + " clicks:  ");
            String after = line(out, user + " now sees: ");
            assertThat(before.split(" ")).hasSize(4).startsWith(clicked);
            assertThat(after.split(" ")).hasSize(4).doesNotContain(clicked);
        }
        assertThat(artifact.resolve("manifest.json")).exists();
    }

    @Test
    void loadsASavedArtifactAndServesItsOwnEndpoint() throws Exception {
        Path artifact = dir.resolve("saved");
        run("--config", QUICKSTART.toString(), "--set", "data.users=200", "--set", "data.items=100",
                "--save", artifact.toString(), "--users", "u1");
        String out = run("--artifact", artifact.toString(), "--users", "u5", "-k", "3");
        assertThat(out).startsWith("loaded " + artifact.toAbsolutePath().normalize() + "@");
        assertThat(line(out, "u5 now sees: ").split(" ")).hasSize(3);

        try (M6Rec rec = M6Rec.load(artifact, List.of()); HostEndpoint endpoint = HostEndpoint.start(rec, 0)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> known = client.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/for-you?user=u9")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(known.statusCode()).isEqualTo(200);
            assertThat(known.body().lines()).hasSize(5).first().asString()
                    .isEqualTo("1 " + rec.recommend("u9", 5, null).get(0).item());
            HttpResponse<String> stranger = client.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/for-you?user=new")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stranger.body().lines()).hasSize(5);
            HttpResponse<String> nobody = client.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/for-you")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(nobody.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aBadArtifactIsAOneLineUserError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EmbeddingHost.run(new String[] {"--artifact", dir.resolve("empty").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: " + dir.resolve("empty").toAbsolutePath()
                + ": not an M6-Rec artifact (no manifest.json)" + System.lineSeparator());
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + out)).substring(prefix.length());
    }
}
