package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP/1.1 client for the server tests: raw requests in, status and body out. */
final class RawHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    /** An answer: status, raw body, and the body as JSON when it is JSON. */
    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText(null);
        }
    }

    RawHttpClient(InetSocketAddress address) {
        this("http://127.0.0.1:" + address.getPort(), null);
    }

    private RawHttpClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** This client, sending {@code Authorization: Bearer <token>} with every request. */
    RawHttpClient withToken(String adminToken) {
        return new RawHttpClient(base, adminToken);
    }

    Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).method(method, publisher)
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request line the JDK client refuses to build (e.g. a malformed percent escape) over a
     * plain socket; returns the status and body of the answer.
     */
    Answer raw(String method, String target) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(text.indexOf(' ') + 1, text.indexOf(' ') + 4));
            return new Answer(status, text.substring(text.indexOf("\r\n\r\n") + 4), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request} as raw bytes over a fresh socket, writing from another thread so that a
     * server answering before the whole request is sent (an oversized header) is still read; returns
     * everything the server sent until it closed the connection (or 10 s passed).
     */
    String exchange(byte[] request) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(10_000);
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request);
                } catch (IOException stoppedReading) {
                    // the server answered and closed before reading all of it: expected for oversized requests
                }
            });
            writer.start();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answer: what was received before it counts
            }
            writer.join(10_000);
            return received.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status, {@code Connection} header and body of a raw HTTP/1.1 answer, for {@link #exchange}. */
    static Answer parse(String raw) {
        if (!raw.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("no HTTP answer: '" + raw.substring(0, Math.min(200, raw.length())) + "'");
        }
        int status = Integer.parseInt(raw.substring(9, 12));
        int headersEnd = raw.indexOf("\r\n\r\n");
        return new Answer(status, raw.substring(headersEnd + 4), null);
    }

    String base() {
        return base;
    }
}
