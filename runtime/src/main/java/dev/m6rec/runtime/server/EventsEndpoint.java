package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.M6Rec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/events}: one event or a list of them,
 * {@code {"user": "u1", "item": "i9", "rating": 4.5, "timestamp": 1700000000}} ({@code rating}
 * and {@code timestamp} optional: implicit feedback, now). Every event is checked before any is
 * recorded, so a bad list records nothing: malformed 400, unknown item 404.
 */
final class EventsEndpoint {
    /** Events accepted in one request. */
    static final int MAX_EVENTS = 10_000;
    private static final Set<String> FIELDS = Set.of("user", "item", "rating", "timestamp");
    private final M6Rec rec;

    /** The answer: events recorded by this request, and in all since the server started. */
    record RecordedJson(int recorded, long total) {
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
        events.forEach(rec::record);
        return ApiResponse.ok(new RecordedJson(events.size(), rec.eventsRecorded()));
    }

    private static Event event(JsonNode node, String what) {
        JsonCodec.requireObject(node, what, FIELDS);
        String at = JsonCodec.prefix(what);
        String user = JsonCodec.optionalString(node, "user", what);
        String item = JsonCodec.optionalString(node, "item", what);
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
        return new Event(user, item, rating, timestamp);
    }
}
