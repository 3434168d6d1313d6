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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, part 1, end to end: {@code m6rec serve --events-log} as a real process, events posted,
 * {@code kill -9}, a restart: every acknowledged event is back and each list equals the one before the kill.
 */
class ServeKillRestartTest {
    private static final Pattern LISTENING = Pattern.compile("m6rec serving \\S+ on http://127\\.0\\.0\\.1:(\\d+) "
            + "\\(2 workers, events log .*\\)");
    private static final List<String> USERS = List.of("u1", "u2", "u3", "u4", "newcomer");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedEventSurvivesAKillNineAndTheListsAreTheSame() throws Exception {
        Path artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
        Path log = dir.resolve("events");
        List<String> items = java.nio.file.Files.readAllLines(artifact.resolve("pipeline").resolve("items.txt"));
        Map<String, String> atKill = new LinkedHashMap<>();
        Process first = serve(artifact, log);
        try (BufferedReader out = reader(first)) {
            int port = port(out);
            for (int e = 0; e < 60; e++) {
                String user = USERS.get(e % USERS.size());
                HttpResponse<String> answer = post(port, "{\"id\": \"e" + e + "\", \"user\": \"" + user
                        + "\", \"item\": \"" + items.get((7 * e) % items.size()) + "\"}");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            assertThat(post(port, "{\"id\": \"e3\", \"user\": \"u4\", \"item\": \"" + items.get(21) + "\"}").body())
                    .contains("\"duplicates\":1");
            for (String user : USERS) {
                atKill.put(user, get(port, "/v1/recommend?user=" + user + "&k=10"));
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }

        Process second = serve(artifact, log);
        try (BufferedReader out = reader(second)) {
            int port = port(out);
            for (String user : USERS) {
                assertThat(get(port, "/v1/recommend?user=" + user + "&k=10")).as(user).isEqualTo(atKill.get(user));
            }
            String metrics = get(port, "/metrics");
            assertThat(metrics).contains("\nm6rec_events_replayed_total 60\n").contains("\nm6rec_events_accepted_total 0\n");
        } finally {
            second.destroyForcibly();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process serve(Path artifact, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--artifact", artifact.toString(), "--port", "0", "--threads", "2",
                "--events-log", log.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static int port(BufferedReader out) throws Exception {
        String line = out.readLine();
        Matcher m = LISTENING.matcher(line == null ? "" : line);
        assertThat(m.matches()).as("first line: %s", line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private HttpResponse<String> post(int port, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }
}
