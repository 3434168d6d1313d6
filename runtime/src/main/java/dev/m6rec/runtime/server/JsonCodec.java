package dev.m6rec.runtime.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON in and out of the server: request bodies parse into trees (any syntax error, trailing
 * garbage or excessive nesting is a 400 naming the problem), responses are written from records
 * and maps.
 */
final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonCodec() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response as JSON", e);
        }
    }

    /** The body as a JSON tree; an empty body is a 400 unless {@code optional}, then null. */
    static JsonNode parse(byte[] body, boolean optional) {
        if (isBlank(body)) {
            if (optional) {
                return null;
            }
            throw ApiException.badRequest("request body is empty; expected JSON");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw ApiException.badRequest("malformed JSON: " + firstLine(detail));
        }
    }

    /** {@code node} must be an object whose keys are all in {@code allowed}. */
    static JsonNode requireObject(JsonNode node, String what, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(what + " must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(prefix(what) + name + ": unknown field (expected one of "
                        + new TreeSet<>(allowed) + ")");
            }
        }
        return node;
    }

    /** A non-empty string field, or null when absent or null. */
    static String optionalString(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw ApiException.badRequest(prefix(what) + field + ": must be a non-empty string (was " + value + ")");
        }
        return value.textValue();
    }

    static String prefix(String what) {
        return what.equals("body") ? "" : what + ".";
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
