package dev.m6rec.runtime.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One request as an endpoint sees it: its query parameters (decoded; a malformed query is a
 * 400), its headers, and its body, already read by {@link RequestBody} with a bound (over
 * {@link ServerSettings#MAX_BODY_BYTES} is a 413, raised when the endpoint asks for the body).
 */
final class ApiRequest {
    private final String rawQuery;
    private final Function<String, String> headers;
    private final RequestBody.Outcome body;
    private Map<String, String> query;

    /**
     * @param rawQuery the query string as sent (still percent-encoded), or null
     * @param headers  the first value of a request header by name, or null
     * @param body     the body read, or why it was refused
     */
    ApiRequest(String rawQuery, Function<String, String> headers, RequestBody.Outcome body) {
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
    }

    /** The first value of a request header, or null. */
    String header(String name) {
        return headers.apply(name);
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        if (query == null) {
            query = parseQuery(rawQuery);
        }
        return query.get(name);
    }

    /** A query parameter that must be present and non-empty. */
    String requiredParam(String name) {
        String value = param(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("missing query parameter '" + name + "'");
        }
        return value;
    }

    /** The {@code k} query parameter: an integer in 1..{@link ServerSettings#MAX_K}, default {@link ServerSettings#DEFAULT_K}. */
    int k() {
        String value = param("k");
        if (value == null) {
            return ServerSettings.DEFAULT_K;
        }
        try {
            return checkK(Integer.parseInt(value.trim()), "'" + value + "'");
        } catch (NumberFormatException e) {
            throw kOutOfBounds("'" + value + "'");
        }
    }

    static int checkK(long k, String shown) {
        if (k < 1 || k > ServerSettings.MAX_K) {
            throw kOutOfBounds(shown);
        }
        return (int) k;
    }

    static ApiException kOutOfBounds(String shown) {
        return ApiException.badRequest("k must be an integer between 1 and " + ServerSettings.MAX_K + " (was " + shown + ")");
    }

    /** The request body, at most {@link ServerSettings#MAX_BODY_BYTES}. */
    byte[] body() {
        if (body.refused() != null) {
            throw body.refused();
        }
        return body.body();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string: " + e.getMessage());
        }
    }
}
