package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/events}: one event or a list of them,
 * {@code {"id": "e-17", "user": "u1", "item": "i9", "rating": 4.5, "timestamp": 1700000000}}
 * ({@code id}, {@code rating} and {@code timestamp} optional: a generated id, implicit feedback,
 * now). Every event is checked before any is recorded, so a bad list records nothing: malformed
 * 400, unknown item 404. With an event log the 200 is sent once every event is fsynced; an id the
 * log already holds is not recorded again (a client may retry safely with the same ids). The
 * answer gives each event's id, generated ones included, in order.
 */
final class EventsEndpoint {
    /** Events accepted in one request. */
    static final int MAX_EVENTS = 10_000;
    private static final Set<String> FIELDS = Set.of("id", "user", "item", "rating", "timestamp");
    private final M6Rec rec;

    /**
     * The answer: events recorded by this request, those skipped because their id was recorded before,
     * events recorded in all since the server started, and each event's id in request order.
     */
    record RecordedJson(int recorded, int duplicates, long total, List<String> ids) {
    }

    EventsEndpoint(M6Rec rec) {
        this.rec = rec;
    }

    ApiResponse post(ApiRequest request) {
        JsonNode body = JsonCodec.parse(request.body(), false);
        List<Event> events = new ArrayList<>();
        if (body.isArray()) {
            if (body.isEmpty()) {
                throw ApiException.badRequest("the list of events is empty");
            }
            if (body.size() > MAX_EVENTS) {
                throw ApiException.badRequest("at most " + MAX_EVENTS + " events per request (was " + body.size() + ")");
            }
            for (int i = 0; i < body.size(); i++) {
                events.add(event(body.get(i), "events[" + i + "]"));
            }
        } else {
            events.add(event(body, "body"));
        }
        for (int i = 0; i < events.size(); i++) {
            if (!rec.knowsItem(events.get(i).item())) {
                String at = body.isArray() ? "events[" + i + "]: " : "";
                throw ApiException.notFound(at + "unknown item '" + events.get(i).item() + "'");
            }
        }
        List<RecordedEvent> recorded = rec.recordAll(events);
        int duplicates = (int) recorded.stream().filter(RecordedEvent::duplicate).count();
        return ApiResponse.ok(new RecordedJson(events.size() - duplicates, duplicates, rec.eventsRecorded(),
                recorded.stream().map(RecordedEvent::id).toList()));
    }

    private static Event event(JsonNode node, String what) {
        JsonCodec.requireObject(node, what, FIELDS);
        String at = JsonCodec.prefix(what);
        String user = JsonCodec.optionalString(node, "user", what);
        String item = JsonCodec.optionalString(node, "item", what);
        String id = JsonCodec.optionalString(node, "id", what);
        if (id != null && Event.idProblem(id) != null) {
            throw ApiException.badRequest(at + "id: " + Event.idProblem(id));
        }
        if (user == null) {
            throw ApiException.badRequest(at + "user: missing");
        }
        if (item == null) {
            throw ApiException.badRequest(at + "item: missing");
        }
        float rating = Float.NaN;
        JsonNode r = node.get("rating");
        if (r != null && !r.isNull()) {
            if (!r.isNumber()) {
                throw ApiException.badRequest(at + "rating: must be a number (was " + r + ")");
            }
            rating = r.floatValue();
            // Ratings are float32: 1e39 is a finite double but an infinite float, which would
            // poison the user's history and every score computed from it.
            if (!Float.isFinite(rating)) {
                throw ApiException.badRequest(at + "rating: must be a finite number within float range (was " + r
                        + ")");
            }
        }
        long timestamp = System.currentTimeMillis() / 1000;
        JsonNode t = node.get("timestamp");
        if (t != null && !t.isNull()) {
            if (!t.isIntegralNumber() || !t.canConvertToLong() || t.longValue() < 0) {
                throw ApiException.badRequest(at + "timestamp: must be whole seconds since the epoch (was " + t + ")");
            }
            timestamp = t.longValue();
        }
        return new Event(user, item, rating, timestamp, id);
    }
}
