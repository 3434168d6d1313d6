package dev.m6rec.runtime.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/events records finite ratings only: 1e39 is a finite double but an infinite float. */
class FiniteEventRatingsTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
    }

    @Test
    void ratingsOutsideFloatRangeAreA400WithAJsonErrorAndNothingIsRecorded() {
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            RecommendationServer server = RecommendationServer.start(rec,
                    new ServerSettings("127.0.0.1", 0, 2, false, artifact), Map.of(), new PrintStream(System.err));
            try {
                RawHttpClient client = new RawHttpClient(server.address());
                Map<String, String> shownAs = Map.of("1e39", "1.0E39", "-1e39", "-1.0E39", "1e309", "\"Infinity\"",
                        "3.5e38", "3.5E38");
                for (String rating : shownAs.keySet()) {
                    RawHttpClient.Answer answer = client.post("/v1/events",
                            "{\"user\": \"u1\", \"item\": \"i1\", \"rating\": " + rating + "}");
                    assertThat(answer.status()).as(rating).isEqualTo(400);
                    assertThat(answer.response().headers().firstValue("Content-Type"))
                            .hasValue("application/json; charset=utf-8");
                    assertThat(answer.error()).as(rating)
                            .isEqualTo("rating: must be a finite number within float range (was "
                                    + shownAs.get(rating) + ")");
                }
                RawHttpClient.Answer inList = client.post("/v1/events",
                        "[{\"user\": \"u1\", \"item\": \"i1\", \"rating\": 4}, {\"user\": \"u1\", \"item\": \"i2\", \"rating\": 1e39}]");
                assertThat(inList.status()).isEqualTo(400);
                assertThat(inList.error()).isEqualTo("events[1].rating: must be a finite number within float range"
                        + " (was 1.0E39)");
                for (String word : List.of("NaN", "Infinity", "-Infinity")) {
                    assertThat(client.post("/v1/events", "{\"user\": \"u1\", \"item\": \"i1\", \"rating\": " + word
                            + "}").status()).as(word).isEqualTo(400);
                }
                assertThat(rec.eventsRecorded()).isZero();
                assertThat(client.post("/v1/events", "{\"user\": \"u1\", \"item\": \"i1\", \"rating\": 3.4e38}")
                        .status()).isEqualTo(200);
                assertThat(rec.eventsRecorded()).isEqualTo(1);
            } finally {
                server.stop(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void theFacadeRefusesAnInfiniteRating() {
        assertThatThrownBy(() -> new Event("u1", "i1", Float.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating must be finite, or NaN for implicit feedback (was Infinity)");
        assertThat(new Event("u1", "i1", Float.NaN, 0).rating()).isNaN();
    }
}
