package dev.m6rec.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.server.RecommendationServerTest.Served;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 2: clients that stall, oversize or mangle requests cannot take the server down
 * or get anything but a JSON answer, and a stop answers what was already sent.
 */
class ServerHardeningTest {
    private static final String JSON = "Content-Type: application/json; charset=utf-8";

    @TempDir
    static Path dir;
    private static Path popularity;

    @BeforeAll
    static void train() {
        popularity = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
    }

    private static Served serve(Duration idleTimeout, Map<String, Map<String, Endpoint>> extra) {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, 2, false, popularity).withIdleTimeout(idleTimeout);
        return Served.of(M6Rec.load(popularity, List.of()), settings, extra);
    }

    @Test
    void stalledConnectionsDoNotStopAThirdClientAndAreClosedAfterTheIdleTimeout() throws Exception {
        try (Served s = serve(Duration.ofMillis(800), Map.of())) {
            List<Socket> stalled = new ArrayList<>();
            try {
                // Two of each, more than the server's two workers: one byte of a request line, and half a POST body.
                for (int i = 0; i < 2; i++) {
                    Socket oneByte = new Socket("127.0.0.1", s.server().address().getPort());
                    oneByte.getOutputStream().write('G');
                    stalled.add(oneByte);
                    Socket halfBody = new Socket("127.0.0.1", s.server().address().getPort());
                    halfBody.getOutputStream().write(("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n" + "{\"user\": \"u1\", \"item\": \"i1\", ").getBytes(StandardCharsets.US_ASCII));
                    stalled.add(halfBody);
                }
                Thread.sleep(200);
                long start = System.nanoTime();
                RawHttpClient.Answer answer = s.client().get("/v1/recommend?user=u1&k=3");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.status()).isEqualTo(200);
                assertThat(millis).as("answered while four connections stall").isLessThan(1000);

                // Past the idle timeout: the half body gets a 408, the request line that never came a close.
                for (int i = 0; i < stalled.size(); i++) {
                    Socket socket = stalled.get(i);
                    socket.setSoTimeout(10_000);
                    String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (i % 2 == 0) {
                        assertThat(received).as("one byte sent, then silence").isEmpty();
                    } else {
                        RawHttpClient.Answer timedOut = RawHttpClient.parse(received);
                        assertThat(timedOut.status()).isEqualTo(408);
                        assertThat(received).contains(JSON);
                        assertThat(timedOut.error()).isEqualTo("the request body did not arrive in time");
                    }
                }
                assertThat(s.rec().eventsRecorded()).isZero();
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void requestsTheHttpLayerRefusesGetAJsonErrorAndAreCounted() {
        String mebibyte = "a".repeat(1 << 20);
        StringBuilder manyHeaders = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        StringBuilder someHeaders = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            someHeaders.append("X-H").append(i).append(": v\r\n");
        }
        Object[][] cases = {
            {"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + mebibyte + "\r\n\r\n", 431, "refused"},
            {"GET /health HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders + "\r\n", 431, "refused"},
            {"GET /health HTTP/1.1\r\nHost: localhost\r\n" + someHeaders + "\r\n", 431, "/health"},
            {"GET /v1/recommend?user=" + mebibyte + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "refused"},
            {"GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n", 505, "refused"},
            {"GET /v1/recommend?user=u 1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "refused"},
        };
        try (Served s = serve(ServerSettings.DEFAULT_IDLE_TIMEOUT, Map.of())) {
            for (Object[] c : cases) {
                // Connection: close, so that each exchange ends when answered, not at the idle timeout.
                String request = ((String) c[0]).replace("Host: localhost\r\n", "Host: localhost\r\nConnection: close\r\n");
                String what = request.substring(0, Math.min(60, request.indexOf('\r')));
                String received = s.client().exchange(request.getBytes(StandardCharsets.ISO_8859_1));
                RawHttpClient.Answer answer = RawHttpClient.parse(received);
                assertThat(answer.status()).as(what).isEqualTo(c[1]);
                assertThat(received).as(what).contains(JSON);
                assertThat(answer.error()).as(what).isNotBlank();
            }
            assertThat(RawHttpClient.parse(s.client().exchange(("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + someHeaders
                    + "\r\n").getBytes(StandardCharsets.US_ASCII))).error())
                    .isEqualTo("too many request headers (152; at most 100)");
            List<PrometheusTextParser.Sample> metrics = PrometheusTextParser.parse(s.client().get("/metrics").body());
            assertThat(count(metrics, "refused", "431")).isEqualTo(2);
            assertThat(count(metrics, "refused", "414")).isEqualTo(1);
            assertThat(count(metrics, "refused", "400")).isEqualTo(1);
            assertThat(count(metrics, "refused", "505")).isEqualTo(1);
            assertThat(count(metrics, "/health", "431")).isEqualTo(2);
            assertThat(s.client().get("/health").status()).as("still answering").isEqualTo(200);
        }
    }

    @Test
    void aStopAnswersRequestsAlreadySentOnKeepAliveConnectionsWithConnectionClose() throws Exception {
        BlockingEndpoint slow = new BlockingEndpoint("slow", "done");
        Served s = serve(ServerSettings.DEFAULT_IDLE_TIMEOUT, Map.of("/test/slow", Map.of("GET", slow)));
        int port = s.server().address().getPort();
        try (KeepAliveConnection busy = new KeepAliveConnection(s.server().address());
             KeepAliveConnection idle = new KeepAliveConnection(s.server().address())) {
            busy.sendGet("/health");
            assertThat(busy.read().headers()).doesNotContainKey("connection");
            idle.sendGet("/health");
            assertThat(idle.read().status()).isEqualTo(200);

            busy.sendGet("/test/slow");
            assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> s.server().stop(Duration.ofSeconds(30)));
            awaitRefused(s.server().address().getPort());

            // A request sent on an open keep-alive connection after the stop began is answered, then the connection closes.
            idle.sendGet("/v1/recommend?user=u1&k=2");
            KeepAliveConnection.Answer late = idle.read();
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.headers()).containsEntry("connection", "close");
            assertThat(idle.closedByServer()).isTrue();

            slow.release.countDown();
            KeepAliveConnection.Answer inFlight = busy.read();
            assertThat(inFlight.status()).isEqualTo(200);
            assertThat(inFlight.body()).isEqualTo("{\"slow\":\"done\"}");
            assertThat(inFlight.headers()).containsEntry("connection", "close");
            assertThat(busy.closedByServer()).isTrue();
            assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s.server().address().getPort()).as("the bound port, also after stop").isEqualTo(port);
        } finally {
            slow.release.countDown();
            s.close();
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 500; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream ignored = socket.getOutputStream();
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("the server still accepts connections after stop()");
    }

    private static double count(List<PrometheusTextParser.Sample> metrics, String endpoint, String status) {
        return metrics.stream().filter(m -> m.name().equals("m6rec_http_requests_total")
                        && endpoint.equals(m.labels().get("endpoint")) && status.equals(m.labels().get("status")))
                .mapToDouble(PrometheusTextParser.Sample::value).sum();
    }
}
