package dev.m6rec.runtime.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.m6rec.api.M6RecException;
import dev.m6rec.api.UnknownEntityException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sends each request to the endpoint for its exact path and method, turns refusals into JSON
 * error bodies with a 4xx status (unknown path 404, wrong method 405, bad input 400, unknown id
 * 404), and records every answer in the metrics. Only a bug answers 500.
 */
final class Router implements HttpHandler {
    /** The metrics label of every path that matches no endpoint (bounded label cardinality). */
    static final String UNMATCHED = "unmatched";
    private final Map<String, Map<String, Endpoint>> routes;
    private final ServerMetrics metrics;
    private final PrintStream log;

    Router(Map<String, Map<String, Endpoint>> routes, ServerMetrics metrics, PrintStream log) {
        this.routes = Map.copyOf(routes);
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, Endpoint> byMethod = routes.get(path);
        String label = byMethod == null ? UNMATCHED : path;
        ApiResponse response = answer(exchange, path, byMethod);
        try {
            send(exchange, response);
        } finally {
            exchange.close();
            metrics.record(label, response.status(), System.nanoTime() - start);
        }
    }

    private ApiResponse answer(HttpExchange exchange, String path, Map<String, Endpoint> byMethod) {
        try {
            if (byMethod == null) {
                return ApiResponse.error(404, "no endpoint " + path);
            }
            Endpoint endpoint = byMethod.get(exchange.getRequestMethod());
            if (endpoint == null) {
                String allowed = String.join(", ", new TreeSet<>(byMethod.keySet()));
                return ApiResponse.error(405, "method " + exchange.getRequestMethod() + " not allowed on " + path
                        + " (allowed: " + allowed + ")").withHeader("Allow", allowed);
            }
            return endpoint.handle(new ApiRequest(exchange));
        } catch (ApiException e) {
            return ApiResponse.error(e.status(), e.getMessage());
        } catch (UnknownEntityException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (M6RecException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (UncheckedIOException e) {
            // Reading the request failed: the client went away or sent a broken body.
            return ApiResponse.error(400, "cannot read the request: " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            log.println("m6rec serve: internal error on " + exchange.getRequestMethod() + " " + path + " (a bug):");
            e.printStackTrace(log);
            return ApiResponse.error(500, "internal error");
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        response.headers().forEach(headers::set);
        // A HEAD answer carries the headers only (the JDK server warns about a length there).
        byte[] body = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
