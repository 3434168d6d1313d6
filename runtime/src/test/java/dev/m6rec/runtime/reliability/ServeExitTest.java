package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import dev.m6rec.runtime.cli.Main;
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

/**
 * Issue 12, part 6: {@code System.exit} from a plugin cannot be intercepted, but the server's stop
 * must not wait its grace period for the request that called it.
 */
class ServeExitTest {
    private static final Pattern LISTENING = Pattern.compile("m6rec serving \\S+ on http://127\\.0\\.0\\.1:(\\d+) .*");

    @TempDir
    Path dir;

    @Test
    void aPluginCallingSystemExitMidRequestEndsTheServerAtOnceWithItsStatus() throws Exception {
        Path plugins = PluginFolder.of(dir, "broken", BrokenPlugins.ThrowingModels.class);
        Path config = TinyPipelines.config(dir, "exits", TinyPipelines.POPULARITY.replace("type: popularity", "type: exits-in-score"));
        CliRunner trained = CliRunner.run("run", config.toString(), "--set=output.dir=" + dir.resolve("out"),
                "--plugins", plugins.toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--artifact", dir.resolve("out/artifact").toString(), "--plugins", plugins.toString(),
                "--port", "0", "--threads", "2", "--shutdown-grace", "60")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(BrokenPlugins.EXIT_IN_SCORE, "1");
        Process server = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();
            long start = System.nanoTime();
            HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/v1/recommend?user=u1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("ended well before the 60 s grace").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(20);
            assertThat(server.exitValue()).as("the plugin's status").isEqualTo(3);
            assertThat(out.readLine()).isEqualTo("m6rec serve: stopped: a request called System.exit (a plugin?)");
        } finally {
            server.destroyForcibly();
        }
    }
}
