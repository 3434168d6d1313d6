package dev.m6rec.runtime.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: status, content type, body bytes and any extra headers. */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    ApiResponse {
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(body, "body is null");
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, JsonCodec.write(value), Map.of());
    }

    static ApiResponse ok(Object value) {
        return json(200, value);
    }

    static ApiResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    static ApiResponse text(String contentType, String text) {
        return new ApiResponse(200, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, more);
    }
}
