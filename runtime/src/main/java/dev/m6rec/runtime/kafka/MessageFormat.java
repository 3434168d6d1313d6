package dev.m6rec.runtime.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m6rec.runtime.Event;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;

/**
 * How a message's value holds one event, in UTF-8.
 * <ul>
 *   <li>{@code json}: {@code {"id": "e-17", "user": "u1", "item": "i9", "rating": 4.5, "timestamp": 1700000000}},
 *       the fields of {@code POST /v1/events};</li>
 *   <li>{@code csv}: {@code user,item[,rating[,timestamp[,id]]]}, one line, no quoting; an empty field is absent.</li>
 * </ul>
 * A missing rating is implicit feedback; a missing timestamp is the message's own (so a redelivery
 * gives the same event); a missing id is {@code fallbackId}.
 */
public enum MessageFormat {
    JSON {
        @Override
        Event parse(String text, long defaultTimestamp, String fallbackId) throws MalformedMessageException {
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new MalformedMessageException("not JSON (" + e.getOriginalMessage() + ")");
            }
            if (node == null || !node.isObject()) {
                throw new MalformedMessageException("not a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new MalformedMessageException("unknown field '" + name + "'");
                }
            }
            JsonNode rating = node.path("rating");
            if (!rating.isMissingNode() && !rating.isNull() && !rating.isNumber()) {
                throw new MalformedMessageException("rating: must be a number (was " + rating + ")");
            }
            JsonNode timestamp = node.path("timestamp");
            if (!timestamp.isMissingNode() && !timestamp.isNull() && !timestamp.isIntegralNumber()) {
                throw new MalformedMessageException("timestamp: must be whole seconds (was " + timestamp + ")");
            }
            return event(string(node, "user"), string(node, "item"), rating.isNumber() ? rating.asText() : null,
                    timestamp.isIntegralNumber() ? timestamp.asText() : null, string(node, "id"), defaultTimestamp,
                    fallbackId);
        }
    },
    CSV {
        @Override
        Event parse(String text, long defaultTimestamp, String fallbackId) throws MalformedMessageException {
            String[] f = text.strip().split(",", -1);
            if (f.length < 2 || f.length > 5) {
                throw new MalformedMessageException("expected user,item[,rating[,timestamp[,id]]] (had " + f.length
                        + " fields)");
            }
            return event(f[0], f[1], f.length > 2 ? f[2] : null, f.length > 3 ? f[3] : null, f.length > 4 ? f[4] : null,
                    defaultTimestamp, fallbackId);
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("id", "user", "item", "rating", "timestamp");

    /** The event in {@code text}; {@code defaultTimestamp} in seconds. */
    abstract Event parse(String text, long defaultTimestamp, String fallbackId) throws MalformedMessageException;

    /** The event in a message's value, which must be UTF-8. */
    Event parse(byte[] value, long defaultTimestamp, String fallbackId) throws MalformedMessageException {
        if (value == null) {
            throw new MalformedMessageException("no value (a tombstone)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return parse(text, defaultTimestamp, fallbackId);
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("not UTF-8 text");
        }
    }

    private static String string(JsonNode node, String field) throws MalformedMessageException {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedMessageException(field + ": must be a string (was " + v + ")");
        }
        return v.asText();
    }

    private static Event event(String user, String item, String rating, String timestamp, String id,
                               long defaultTimestamp, String fallbackId) throws MalformedMessageException {
        if (user == null || user.isEmpty()) {
            throw new MalformedMessageException("user: missing");
        }
        if (item == null || item.isEmpty()) {
            throw new MalformedMessageException("item: missing");
        }
        float r = Float.NaN;
        if (rating != null && !rating.isEmpty()) {
            try {
                r = Float.parseFloat(rating);
            } catch (NumberFormatException e) {
                throw new MalformedMessageException("rating: not a number (was '" + rating + "')");
            }
            // float32: 1e39 would be infinite and poison every score computed from the history.
            if (!Float.isFinite(r)) {
                throw new MalformedMessageException("rating: must be finite within float range (was '" + rating + "')");
            }
        }
        long t = defaultTimestamp;
        if (timestamp != null && !timestamp.isEmpty()) {
            try {
                t = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                throw new MalformedMessageException("timestamp: not whole seconds (was '" + timestamp + "')");
            }
            if (t < 0) {
                throw new MalformedMessageException("timestamp: must be >= 0 (was " + t + ")");
            }
        }
        String eventId = id == null || id.isEmpty() ? fallbackId : id;
        String problem = Event.idProblem(eventId);
        if (problem != null) {
            throw new MalformedMessageException("id " + problem);
        }
        return new Event(user, item, r, t, eventId);
    }
}
