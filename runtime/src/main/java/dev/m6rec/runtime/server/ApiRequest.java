package dev.m6rec.runtime.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as an endpoint sees it: its query parameters (decoded; a malformed query is a
 * 400) and its body, read with a bound (over {@link ServerSettings#MAX_BODY_BYTES} is a 413).
 */
final class ApiRequest {
    /** A too-large body is read and discarded up to this size so the client sees the 413, not a reset. */
    private static final long DRAIN_LIMIT = 16L << 20;
    private final HttpExchange exchange;
    private Map<String, String> query;

    ApiRequest(HttpExchange exchange) {
        this.exchange = exchange;
    }

    /** The first value of a query parameter, or null. */
    String param(String name) {
        if (query == null) {
            query = parseQuery(exchange.getRequestURI().getRawQuery());
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
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try (InputStream in = exchange.getRequestBody()) {
            if (declared != null) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("malformed Content-Length '" + declared + "'");
                }
                if (length > ServerSettings.MAX_BODY_BYTES) {
                    drain(in);
                    throw tooLarge();
                }
            }
            byte[] body = in.readNBytes(ServerSettings.MAX_BODY_BYTES + 1);
            if (body.length > ServerSettings.MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads (never skips: the JDK's bounded body stream skips past its end) up to the drain limit. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "request body larger than " + ServerSettings.MAX_BODY_BYTES + " bytes");
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
