package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.TinyPipelines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m6rec serve} as a real process: it answers, and SIGTERM stops it gracefully with exit 0. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("m6rec serving (\\S+) on http://127\\.0\\.0\\.1:(\\d+) \\(2 workers\\)");

    @TempDir
    Path dir;

    @Test
    void servesUntilSigtermThenStopsGracefullyWithExitZero() throws Exception {
        Path artifact = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--artifact", artifact.toString(), "--port", "0", "--threads", "2")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();
            assertThat(m.group(1)).startsWith(artifact.toAbsolutePath().normalize() + "@");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(2) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"");

            server.toHandle().destroy(); // SIGTERM, keeping our end of its output open
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(out.readLine()).isEqualTo("m6rec serve: stopped");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aCorruptArtifactIsAUserErrorBeforeListening() {
        Path artifact = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        TinyPipelines.flipOneByte(artifact.resolve("pipeline").resolve("users.txt"));
        CliRunner result = CliRunner.run("serve", "--artifact", artifact.toString(), "--port", "0");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: " + artifact.resolve("pipeline").resolve("users.txt").toAbsolutePath()
                + ": checksum mismatch (the file was altered or truncated)" + System.lineSeparator());
    }
}
