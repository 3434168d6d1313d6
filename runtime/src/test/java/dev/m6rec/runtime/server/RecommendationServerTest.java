package dev.m6rec.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import dev.m6rec.runtime.TinyPipelines;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationServerTest {
    @TempDir
    static Path dir;
    private static Path popularity;
    private static Path itemKnn;

    @BeforeAll
    static void train() {
        popularity = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        itemKnn = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
    }

    static final String TOKEN = "s3cret-admin-token";

    /** A facade loaded from an artifact and a server in front of it (admin token {@link #TOKEN}), closed together. */
    record Served(M6Rec rec, RecommendationServer server, RawHttpClient client) implements AutoCloseable {
        static Served of(Path artifact, boolean strict) {
            return of(artifact, strict, Map.of());
        }

        static Served of(Path artifact, boolean strict, Map<String, Map<String, Endpoint>> extra) {
            M6Rec rec = M6Rec.load(artifact, List.of());
            return of(rec, new ServerSettings("127.0.0.1", 0, 2, strict, artifact).withAdmin(TOKEN, List.of()), extra);
        }

        static Served of(M6Rec rec, ServerSettings settings, Map<String, Map<String, Endpoint>> extra) {
            RecommendationServer server = RecommendationServer.start(rec, settings, extra, new PrintStream(System.err));
            return new Served(rec, server, new RawHttpClient(server.address()));
        }

        /** A client that presents the admin token. */
        RawHttpClient admin() {
            return client.withToken(TOKEN);
        }

        @Override
        public void close() {
            server.stop(Duration.ofSeconds(10));
            rec.close();
        }
    }

    @Test
    void aKnownUserGetsTheirList() {
        try (Served s = Served.of(popularity, false)) {
            RawHttpClient.Answer answer = s.client().get("/v1/recommend?user=u7&k=4");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            JsonNode body = answer.json();
            assertThat(body.get("user").asText()).isEqualTo("u7");
            assertThat(body.get("coldStart").asBoolean()).isFalse();
            assertThat(items(body)).isEqualTo(s.rec().recommend("u7", 4, null).stream().map(Recommendation::item).toList());
            assertThat(body.get("items").get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(items(s.client().get("/v1/recommend?user=u7").json())).hasSize(ServerSettings.DEFAULT_K);
        }
    }

    @Test
    void anUnknownUserGetsColdStartRecommendationsUnlessTheServerIsStrict() {
        List<String> coldStart;
        try (Served s = Served.of(popularity, false)) {
            JsonNode body = s.client().get("/v1/recommend?user=stranger&k=5").json();
            assertThat(body.get("coldStart").asBoolean()).isTrue();
            coldStart = items(body);
            assertThat(coldStart).isEqualTo(s.rec().recommend(Attributes.none(), 5).stream().map(Recommendation::item).toList());
        }
        try (Served s = Served.of(popularity, true)) {
            RawHttpClient.Answer answer = s.client().get("/v1/recommend?user=stranger&k=5");
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.error()).isEqualTo("unknown user 'stranger'");
            JsonNode withAttributes = s.client().post("/v1/recommend",
                    "{\"user\": \"stranger\", \"attributes\": {\"age\": 40}, \"k\": 5}").json();
            assertThat(withAttributes.get("coldStart").asBoolean()).isTrue();
            assertThat(items(withAttributes)).hasSize(5);
        }
    }

    @Test
    void postingAttributesGivesANewUserColdStartRecommendations() {
        try (Served s = Served.of(popularity, false)) {
            RawHttpClient.Answer answer = s.client().post("/v1/recommend",
                    "{\"attributes\": {\"age\": 31, \"gender\": \"F\", \"genres\": [\"Comedy\"]}, \"k\": 3}");
            assertThat(answer.status()).isEqualTo(200);
            Attributes attributes = Attributes.builder().number("age", 31).category("gender", "F")
                    .tags("genres", List.of("Comedy")).build();
            assertThat(items(answer.json())).isEqualTo(
                    s.rec().recommend(attributes, 3).stream().map(Recommendation::item).toList());
            assertThat(answer.json().get("coldStart").asBoolean()).isTrue();
            assertThat(answer.json().has("user")).isFalse();
            JsonNode known = s.client().post("/v1/recommend", "{\"user\": \"u3\"}").json();
            assertThat(known.get("coldStart").asBoolean()).isFalse();
            assertThat(items(known)).isEqualTo(s.rec().recommend("u3", 10, null).stream().map(Recommendation::item).toList());
        }
    }

    @Test
    void similarItemsAndExplanations() {
        try (Served s = Served.of(itemKnn, false)) {
            JsonNode similar = s.client().get("/v1/similar?item=i5&k=5").json();
            assertThat(similar.get("item").asText()).isEqualTo("i5");
            assertThat(items(similar)).hasSize(5).doesNotContain("i5")
                    .isEqualTo(s.rec().similarItems("i5", 5).stream().map(Recommendation::item).toList());

            String top = s.rec().recommend("u4", 1, null).get(0).item();
            JsonNode explained = s.client().get("/v1/explain?user=u4&item=" + top).json();
            assertThat(explained.get("because")).isNotEmpty();
            assertThat(explained.get("because").get(0).get("weight").floatValue())
                    .isEqualTo(s.rec().explain("u4", top).get(0).weight());
        }
    }

    @Test
    void anEventChangesThatUsersNextList() {
        try (Served s = Served.of(popularity, false)) {
            List<String> before = items(s.client().get("/v1/recommend?user=u2&k=5").json());
            RawHttpClient.Answer recorded = s.client().post("/v1/events", "{\"user\": \"u2\", \"item\": \"" + before.get(0) + "\"}");
            assertThat(recorded.status()).isEqualTo(200);
            assertThat(recorded.json().get("recorded").asInt()).isEqualTo(1);
            List<String> after = items(s.client().get("/v1/recommend?user=u2&k=5").json());
            assertThat(after).doesNotContain(before.get(0)).containsAll(before.subList(1, 5));
        }
    }

    @Test
    void eventsPostedFromManyThreadsAreAllCounted() throws Exception {
        try (Served s = Served.of(popularity, false)) {
            int threads = 8;
            int posts = 40;
            List<Thread> workers = new ArrayList<>();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers.add(new Thread(() -> {
                    for (int p = 0; p < posts; p++) {
                        // Every other post is a list of three events.
                        String event = "{\"user\": \"u" + (id * posts + p) % 50 + "\", \"item\": \"i" + (1 + p % 90) + "\"}";
                        String body = p % 2 == 0 ? event : "[" + event + "," + event + "," + event + "]";
                        RawHttpClient.Answer answer = s.client().post("/v1/events", body);
                        if (answer.status() != 200) {
                            failures.add(answer.status() + " " + answer.body());
                        }
                    }
                }));
            }
            workers.forEach(Thread::start);
            for (Thread w : workers) {
                w.join();
            }
            assertThat(failures).isEmpty();
            long expected = (long) threads * (posts / 2) * (1 + 3);
            assertThat(s.rec().eventsRecorded()).isEqualTo(expected);
            assertThat(s.client().get("/health").json().get("eventsRecorded").asLong()).isEqualTo(expected);
        }
    }

    @Test
    void malformedRequestsGetA4xxWithAJsonErrorNeverA5xx() {
        String oneMiBPlusOne = "[" + " ".repeat(ServerSettings.MAX_BODY_BYTES - 1) + "]";
        Object[][] cases = {
            {"GET", "/v1/recommend", null, 400, "missing query parameter 'user'"},
            {"GET", "/v1/recommend?user=", null, 400, "missing query parameter 'user'"},
            {"GET", "/v1/recommend?user=u1&k=0", null, 400, "k must be an integer between 1 and 1000 (was '0')"},
            {"GET", "/v1/recommend?user=u1&k=1001", null, 400, "k must be an integer between 1 and 1000 (was '1001')"},
            {"GET", "/v1/recommend?user=u1&k=-3", null, 400, "k must be an integer between 1 and 1000 (was '-3')"},
            {"GET", "/v1/recommend?user=u1&k=ten", null, 400, "k must be an integer between 1 and 1000 (was 'ten')"},
            {"GET", "/v1/recommend?user=u1&k=2.5", null, 400, "k must be an integer between 1 and 1000 (was '2.5')"},
            {"GET", "/v1/recommend?user=u1&k=", null, 400, "k must be an integer between 1 and 1000 (was '')"},
            {"GET", "/v1/recommend?user=u1&k=99999999999999999999", null, 400,
                "k must be an integer between 1 and 1000 (was '99999999999999999999')"},
            {"GET", "/v1/similar", null, 400, "missing query parameter 'item'"},
            {"GET", "/v1/similar?item=nope", null, 404, "unknown item 'nope'"},
            {"GET", "/v1/similar?item=i1&k=5000", null, 400, "k must be an integer between 1 and 1000 (was '5000')"},
            {"GET", "/v1/explain?user=u1", null, 400, "missing query parameter 'item'"},
            {"GET", "/v1/explain?user=nobody&item=i1", null, 404, "unknown user 'nobody'"},
            {"GET", "/v1/explain?user=u1&item=nope", null, 404, "unknown item 'nope'"},
            {"POST", "/v1/recommend", "", 400, "request body is empty; expected JSON"},
            {"POST", "/v1/recommend", "{", 400, null},
            {"POST", "/v1/recommend", "{\"attributes\": {}} trailing", 400, null},
            {"POST", "/v1/recommend", "[1, 2]", 400, "body must be a JSON object"},
            {"POST", "/v1/recommend", "[".repeat(5000), 400, null},
            {"POST", "/v1/recommend", "{\"k\": 10}", 400, "give \"attributes\" (a new user's attributes) or \"user\""},
            {"POST", "/v1/recommend", "{\"attributes\": {\"age\": true}}", 400,
                "attributes.age: must be a number, a string or a list of strings (was true)"},
            {"POST", "/v1/recommend", "{\"attributes\": {\"genres\": [\"a\", 1]}}", 400, "attributes.genres[1]: must be a string (was 1)"},
            {"POST", "/v1/recommend", "{\"attributes\": {\"x\": {\"y\": 1}}}", 400,
                "attributes.x: must be a number, a string or a list of strings (was {\"y\":1})"},
            {"POST", "/v1/recommend", "{\"attributes\": 5}", 400, "attributes: must be a JSON object of attribute values (was NUMBER)"},
            {"POST", "/v1/recommend", "{\"attributes\": {}, \"k\": 0}", 400, "k must be an integer between 1 and 1000 (was 0)"},
            {"POST", "/v1/recommend", "{\"attributes\": {}, \"k\": \"10\"}", 400, "k must be an integer between 1 and 1000 (was \"10\")"},
            {"POST", "/v1/recommend", "{\"attributes\": {}, \"k\": 1e400}", 400, null},
            {"POST", "/v1/recommend", "{\"attributes\": {}, \"colour\": \"red\"}", 400,
                "colour: unknown field (expected one of [attributes, k, user])"},
            {"POST", "/v1/recommend", "{\"user\": 5}", 400, "user: must be a non-empty string (was 5)"},
            {"POST", "/v1/events", "", 400, "request body is empty; expected JSON"},
            {"POST", "/v1/events", "{}", 400, "user: missing"},
            {"POST", "/v1/events", "[]", 400, "the list of events is empty"},
            {"POST", "/v1/events", "[1]", 400, "events[0] must be a JSON object"},
            {"POST", "/v1/events", "{\"user\": \"u1\", \"item\": \"nope\"}", 404, "unknown item 'nope'"},
            {"POST", "/v1/events", "[{\"user\": \"u1\", \"item\": \"i1\"}, {\"user\": \"u1\"}]", 400, "events[1].item: missing"},
            {"POST", "/v1/events", "[{\"user\": \"u1\", \"item\": \"i1\"}, {\"user\": \"u1\", \"item\": \"nope\"}]", 404,
                "events[1]: unknown item 'nope'"},
            {"POST", "/v1/events", "{\"user\": \"u1\", \"item\": \"i1\", \"rating\": \"five\"}", 400,
                "rating: must be a number (was \"five\")"},
            {"POST", "/v1/events", "{\"user\": \"u1\", \"item\": \"i1\", \"timestamp\": -1}", 400,
                "timestamp: must be whole seconds since the epoch (was -1)"},
            {"POST", "/v1/events", "{\"user\": \"u1\", \"item\": \"i1\", \"when\": 1}", 400,
                "when: unknown field (expected one of [id, item, rating, timestamp, user])"},
            {"POST", "/v1/events", oneMiBPlusOne, 413, "request body larger than 1048576 bytes"},
            {"POST", "/admin/reload", "{\"artifact\": 5}", 400, "artifact: must be a non-empty string (was 5)"},
            {"POST", "/admin/reload", "nonsense", 400, null},
            {"POST", "/admin/reload", "{\"artifact\": \"" + dir.resolve("no-such-dir") + "\"}", 422, null},
            {"GET", "/v1/events", null, 405, "method GET not allowed on /v1/events (allowed: POST)"},
            {"DELETE", "/v1/recommend", null, 405, "method DELETE not allowed on /v1/recommend (allowed: GET, POST)"},
            {"PUT", "/health", "{}", 405, "method PUT not allowed on /health (allowed: GET)"},
            {"GET", "/nope", null, 404, "no endpoint /nope"},
            {"GET", "/v1/recommend/", null, 404, "no endpoint /v1/recommend/"},
            {"GET", "/", null, 404, "no endpoint /"},
        };
        try (Served s = Served.of(itemKnn, false)) {
            for (Object[] c : cases) {
                RawHttpClient client = ((String) c[1]).startsWith("/admin/") ? s.admin() : s.client();
                RawHttpClient.Answer answer = client.send((String) c[0], (String) c[1], (String) c[2]);
                String what = c[0] + " " + c[1] + " " + abbreviate((String) c[2]);
                assertThat(answer.status()).as(what + " -> " + answer.body()).isEqualTo(c[3]);
                assertThat(answer.response().headers().firstValue("Content-Type")).as(what)
                        .hasValue("application/json; charset=utf-8");
                if (c[4] != null) {
                    assertThat(answer.error()).as(what).isEqualTo(c[4]);
                } else {
                    assertThat(answer.error()).as(what).isNotBlank();
                }
            }
            // A request line that is not a URI itself is refused by the HTTP layer, with the same JSON body.
            RawHttpClient.Answer badEscape = s.client().raw("GET", "/v1/recommend?user=%ZZ");
            assertThat(badEscape.status()).isEqualTo(400);
            assertThat(badEscape.error()).isNotBlank();
            RawHttpClient.Answer badUtf8 = s.client().send(HttpRequest.newBuilder(URI.create(s.client().base() + "/v1/events"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}'})).build());
            assertThat(badUtf8.status()).isEqualTo(400);
            assertThat(badUtf8.error()).startsWith("malformed JSON: ");
            RawHttpClient.Answer head = s.client().send("HEAD", "/v1/recommend?user=u1", null);
            assertThat(head.status()).isEqualTo(405);
            assertThat(head.response().headers().firstValue("Allow")).hasValue("GET, POST");
            assertThat(head.body()).isEmpty();
            assertThat(s.rec().eventsRecorded()).as("no event of a refused request is recorded").isZero();
            String metrics = s.client().get("/metrics").body();
            assertThat(PrometheusTextParser.parse(metrics)).filteredOn(m -> m.name().equals("m6rec_http_errors_total")
                    && m.labels().get("class").equals("server")).allMatch(m -> m.value() == 0);
        }
    }

    @Test
    void reloadsSwapTheArtifactAndAFailedOneKeepsTheOldServing() {
        Path corrupt = TinyPipelines.copy(popularity, dir.resolve("corrupt"));
        Path altered = corrupt.resolve("interest").resolve("scores.f32");
        TinyPipelines.flipOneByte(altered);
        try (Served s = Served.of(popularity, false)) {
            String version = s.rec().version();
            assertThat(version).startsWith(popularity.toAbsolutePath().normalize() + "@");
            assertThat(s.client().get("/health").json().get("version").asText())
                    .isEqualTo(HealthEndpoint.publicVersion(version)).doesNotContain(dir.toString());

            RawHttpClient.Answer same = s.admin().post("/admin/reload", null);
            assertThat(same.status()).isEqualTo(200);
            assertThat(same.json().get("version").asText()).isEqualTo(version);
            assertThat(same.json().get("previous").asText()).isEqualTo(version);

            RawHttpClient.Answer failed = s.admin().post("/admin/reload", "{\"artifact\": \"" + corrupt + "\"}");
            assertThat(failed.status()).isEqualTo(422);
            assertThat(failed.error()).isEqualTo("reload of " + corrupt + " failed; still serving " + version + ": "
                    + altered.toAbsolutePath() + ": checksum mismatch (the file was altered or truncated)");
            assertThat(s.rec().version()).isEqualTo(version);
            assertThat(s.client().get("/v1/recommend?user=u1").status()).isEqualTo(200);

            RawHttpClient.Answer other = s.admin().post("/admin/reload", "{\"artifact\": \"" + itemKnn + "\"}");
            assertThat(other.status()).isEqualTo(200);
            String knnVersion = other.json().get("version").asText();
            assertThat(knnVersion).startsWith(itemKnn.toAbsolutePath().normalize() + "@");
            assertThat(s.admin().post("/admin/reload", "").json().get("version").asText())
                    .as("the default is now the artifact loaded last").isEqualTo(knnVersion);
            List<PrometheusTextParser.Sample> metrics = PrometheusTextParser.parse(s.client().get("/metrics").body());
            assertThat(value(metrics, "m6rec_reloads_total", Map.of("result", "ok"))).isEqualTo(3);
            assertThat(value(metrics, "m6rec_reloads_total", Map.of("result", "failed"))).isEqualTo(1);
            assertThat(value(metrics, "m6rec_model_info", Map.of("version", HealthEndpoint.publicVersion(knnVersion))))
                    .isEqualTo(1);
        }
    }

    @Test
    void metricsParseAsPrometheusTextAndCountRequests() {
        try (Served s = Served.of(popularity, false)) {
            for (int i = 0; i < 7; i++) {
                s.client().get("/v1/recommend?user=u" + (i + 1));
            }
            s.client().get("/v1/recommend?user=u1&k=0");
            s.client().get("/no/such/path");
            String text = s.client().get("/metrics").body();
            List<PrometheusTextParser.Sample> metrics = PrometheusTextParser.parse(text);
            assertThat(value(metrics, "m6rec_http_requests_total", Map.of("endpoint", "/v1/recommend", "status", "200"))).isEqualTo(7);
            assertThat(value(metrics, "m6rec_http_requests_total", Map.of("endpoint", "/v1/recommend", "status", "400"))).isEqualTo(1);
            assertThat(value(metrics, "m6rec_http_requests_total", Map.of("endpoint", "unmatched", "status", "404"))).isEqualTo(1);
            assertThat(value(metrics, "m6rec_http_errors_total", Map.of("endpoint", "/v1/recommend", "class", "client"))).isEqualTo(1);
            assertThat(value(metrics, "m6rec_http_request_duration_seconds_count", Map.of("endpoint", "/v1/recommend"))).isEqualTo(8);
            assertThat(value(metrics, "m6rec_http_request_duration_seconds_bucket", Map.of("endpoint", "/v1/recommend", "le", "+Inf")))
                    .isEqualTo(8);
            assertThat(value(metrics, "m6rec_model_info", Map.of("version", HealthEndpoint.publicVersion(s.rec().version()))))
                    .isEqualTo(1);
            assertThat(s.client().get("/metrics").response().headers().firstValue("Content-Type"))
                    .hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThatThrownBy(() -> PrometheusTextParser.parse(text.replace("m6rec_http_requests_total{", "m6rec http{")))
                    .as("the parser itself rejects a broken exposition").isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aGracefulStopRefusesNewConnectionsAndFinishesRequestsInFlight() throws Exception {
        BlockingEndpoint slow = new BlockingEndpoint("slow", "done");
        Served s = Served.of(popularity, false, Map.of("/test/slow", Map.of("GET", slow)));
        int port = s.server().address().getPort();
        CompletableFuture<RawHttpClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> s.client().get("/test/slow"));
        assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> s.server().stop(Duration.ofSeconds(30)));
        awaitRefused(port);
        assertThat(stopped).isNotDone();
        assertThat(inFlight).isNotDone();

        slow.release.countDown();
        assertThat(inFlight.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(inFlight.get().json().get("slow").asText()).isEqualTo("done");
        assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();
        s.rec().close();
    }

    @Test
    void aReloadInProgressHoldsNoRequestWorker() throws Exception {
        BlockingEndpoint slowReload = new BlockingEndpoint("reloaded", "yes");
        M6Rec rec = M6Rec.load(popularity, List.of());
        // One worker: on it, the reload would leave no thread for the recommendation below.
        try (Served s = Served.of(rec, new ServerSettings("127.0.0.1", 0, 1, false, popularity),
                Map.of("/admin/reload", Map.of("POST", slowReload)))) {
            CompletableFuture<RawHttpClient.Answer> reload = CompletableFuture.supplyAsync(() -> s.client().post("/admin/reload", null));
            assertThat(slowReload.entered.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<RawHttpClient.Answer> meanwhile = CompletableFuture.supplyAsync(
                    () -> s.client().get("/v1/recommend?user=u1&k=5"));
            assertThat(meanwhile.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(reload).isNotDone();
            slowReload.release.countDown();
            assertThat(reload.get(30, TimeUnit.SECONDS).json().get("reloaded").asText()).isEqualTo("yes");
        }
    }

    @Test
    void requestsDuringRepeatedReloadsAllSucceed() throws Exception {
        Path twin = TinyPipelines.copy(popularity, dir.resolve("twin"));
        try (Served s = Served.of(popularity, false)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Random random = new Random(t);
                clients.add(new Thread(() -> {
                    while (!done.get()) {
                        RawHttpClient.Answer a = s.client().get("/v1/recommend?user=u" + (1 + random.nextInt(200)) + "&k=10");
                        if (a.status() != 200 || a.json().get("items").size() != 10) {
                            failures.add(a.status() + " " + a.body());
                        }
                        answered.incrementAndGet();
                    }
                }));
            }
            clients.forEach(Thread::start);
            for (int r = 0; r < 8; r++) {
                String body = "{\"artifact\": \"" + (r % 2 == 0 ? twin : popularity) + "\"}";
                assertThat(s.admin().post("/admin/reload", body).status()).isEqualTo(200);
            }
            done.set(true);
            for (Thread c : clients) {
                c.join();
            }
            assertThat(failures).isEmpty();
            assertThat(answered.get()).isPositive();
            assertThat(s.server().metrics().reloads(true)).isEqualTo(8);
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 500; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertThat(socket.isConnected()).isTrue();
                Thread.sleep(10);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                return;
            }
        }
        throw new AssertionError("the server still accepts connections after stop()");
    }

    private static double value(List<PrometheusTextParser.Sample> metrics, String name, Map<String, String> labels) {
        return metrics.stream().filter(m -> m.name().equals(name) && m.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(PrometheusTextParser.Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }

    private static List<String> items(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.get("items").forEach(i -> out.add(i.get("item").asText()));
        return out;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "..." : body;
    }
}
