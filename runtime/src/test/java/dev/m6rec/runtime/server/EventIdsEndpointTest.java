package dev.m6rec.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.runtime.EventSettings;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: POST /v1/events takes an optional id, answers every id, applies a retried id once; /metrics counts. */
class EventIdsEndpointTest {
    @TempDir
    Path dir;

    @Test
    void idsAreReturnedGeneratedWhenAbsentAndARetryIsAppliedOnceWithMetricsToMatch() {
        Path artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
        EventSettings events = EventSettings.defaults().withLog(dir.resolve("events")).withLimits(3, 100);
        try (M6Rec rec = M6Rec.load(artifact, List.of(), events, ProgressReporter.silent())) {
            RecommendationServer server = RecommendationServer.start(rec,
                    new ServerSettings("127.0.0.1", 0, 2, false, artifact), Map.of(), new PrintStream(System.err));
            try {
                RawHttpClient client = new RawHttpClient(server.address());
                String body = "[{\"id\": \"a-1\", \"user\": \"u1\", \"item\": \"i1\"}, {\"user\": \"u1\", \"item\": \"i2\"}]";
                RawHttpClient.Answer first = client.post("/v1/events", body);
                assertThat(first.status()).isEqualTo(200);
                assertThat(first.json().get("recorded").asInt()).isEqualTo(2);
                assertThat(first.json().get("duplicates").asInt()).isZero();
                assertThat(first.json().get("ids").toString()).isEqualTo("[\"a-1\",\"@2\"]");

                RawHttpClient.Answer retry = client.post("/v1/events",
                        "{\"id\": \"a-1\", \"user\": \"u1\", \"item\": \"i1\"}");
                assertThat(retry.json().get("recorded").asInt()).isZero();
                assertThat(retry.json().get("duplicates").asInt()).isEqualTo(1);
                assertThat(retry.json().get("total").asLong()).isEqualTo(2);

                for (int e = 3; e <= 6; e++) {
                    client.post("/v1/events", "{\"user\": \"u1\", \"item\": \"i" + e + "\"}");
                }
                assertThat(rec.liveEvents("u1")).as("the per-user limit").isEqualTo(3);

                RawHttpClient.Answer reserved = client.post("/v1/events", "{\"id\": \"@9\", \"user\": \"u1\", \"item\": \"i1\"}");
                assertThat(reserved.status()).isEqualTo(400);
                assertThat(reserved.error()).isEqualTo("id: must not start with '@' (reserved for generated ids)");

                rec.countMalformed(); // as a stream source does for a message that is not an event
                Map<String, Double> metrics = new java.util.HashMap<>();
                for (PrometheusTextParser.Sample s : PrometheusTextParser.parse(client.get("/metrics").body())) {
                    String reason = s.labels().get("reason");
                    metrics.put(s.name() + (reason == null ? "" : "{" + reason + "}"), s.value());
                }
                assertThat(metrics).containsEntry("m6rec_events_accepted_total", 6.0)
                        .containsEntry("m6rec_events_persisted_total", 6.0)
                        .containsEntry("m6rec_events_replayed_total", 0.0)
                        .containsEntry("m6rec_events_dropped_total{duplicate}", 1.0)
                        .containsEntry("m6rec_events_dropped_total{per-user-limit}", 3.0)
                        .containsEntry("m6rec_events_dropped_total{memory-cap}", 0.0)
                        .containsEntry("m6rec_events_dropped_total{torn-record}", 0.0)
                        .containsEntry("m6rec_events_dropped_total{malformed}", 1.0)
                        .containsEntry("m6rec_live_events", 3.0)
                        .containsEntry("m6rec_live_events_cap", 100.0)
                        .containsKey("m6rec_event_replay_seconds");
                assertThat(metrics.get("m6rec_event_log_bytes")).isGreaterThan(16.0);
            } finally {
                server.stop(java.time.Duration.ofSeconds(10));
            }
        }
    }
}
