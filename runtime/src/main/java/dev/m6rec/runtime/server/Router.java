package dev.m6rec.runtime.server;

import dev.m6rec.api.M6RecException;
import dev.m6rec.api.PluginException;
import dev.m6rec.api.UnknownEntityException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to the endpoint for its exact path and method, turns refusals into JSON
 * error bodies with a 4xx status (unknown path 404, wrong method 405, bad input 400, unknown id
 * 404, too many headers 431), and records every answer in the metrics. Only a bug answers 500.
 * While the server stops, every answer carries {@code Connection: close}, so a keep-alive client
 * gets its answer and then a closed connection, never an EOF in place of an answer.
 */
final class Router extends Handler.Abstract {
    /** The metrics label of every path that matches no endpoint (bounded label cardinality). */
    static final String UNMATCHED = "unmatched";
    private final Map<String, Map<String, Endpoint>> routes;
    private final ServerMetrics metrics;
    private final InFlightRequests inFlight;
    private final BooleanSupplier stopping;
    private final PrintStream log;
    /** The paths whose endpoints run on {@link #slowLane} instead of the request worker that read them. */
    private final Set<String> slowPaths;
    private final Executor slowLane;

    /**
     * The endpoints of {@code slowPaths} (a reload: about a second) run on {@code slowLane}, so that
     * the workers, one per core, keep answering requests meanwhile.
     */
    Router(Map<String, Map<String, Endpoint>> routes, Set<String> slowPaths, Executor slowLane, ServerMetrics metrics,
           InFlightRequests inFlight, BooleanSupplier stopping, PrintStream log) {
        // Endpoints block (scoring, reloads), so Jetty must call this from a pool thread, never a selector.
        super(InvocationType.BLOCKING);
        this.slowPaths = Set.copyOf(slowPaths);
        this.slowLane = slowLane;
        this.routes = Map.copyOf(routes);
        this.metrics = metrics;
        this.inFlight = inFlight;
        this.stopping = stopping;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        inFlight.begin();
        String path = request.getHttpURI().getPath();
        Map<String, Endpoint> byMethod = routes.get(path);
        String label = byMethod == null ? UNMATCHED : path;
        int headerCount = request.getHeaders().size();
        if (headerCount > ServerSettings.MAX_HEADER_COUNT) {
            send(request, response, callback, label, start, ApiResponse.error(431, "too many request headers ("
                    + headerCount + "; at most " + ServerSettings.MAX_HEADER_COUNT + ")"));
            return true;
        }
        Executor lane = slowPaths.contains(path) ? slowLane : Runnable::run;
        RequestBody.read(request, body -> lane.execute(() -> {
            ApiResponse answer = body.refused() != null
                    ? ApiResponse.error(body.refused().status(), body.refused().getMessage())
                    : inFlight.run(() -> answer(request, path, byMethod, body));
            send(request, response, callback, label, start, answer);
        }));
        return true;
    }

    private ApiResponse answer(Request request, String path, Map<String, Endpoint> byMethod, RequestBody.Outcome body) {
        try {
            if (byMethod == null) {
                return ApiResponse.error(404, "no endpoint " + path);
            }
            Endpoint endpoint = byMethod.get(request.getMethod());
            if (endpoint == null) {
                String allowed = String.join(", ", new TreeSet<>(byMethod.keySet()));
                return ApiResponse.error(405, "method " + request.getMethod() + " not allowed on " + path
                        + " (allowed: " + allowed + ")").withHeader("Allow", allowed);
            }
            return endpoint.handle(new ApiRequest(request.getHttpURI().getQuery(), request.getHeaders()::get, body));
        } catch (ApiException e) {
            return ApiResponse.error(e.status(), e.getMessage());
        } catch (UnknownEntityException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (PluginException e) {
            // A plugin failed while answering: not the client's fault, and its folder is not the client's business.
            log.println("m6rec serve: " + e.getMessage() + " (on " + request.getMethod() + " " + path + ")");
            return ApiResponse.error(500, "internal error");
        } catch (M6RecException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (UncheckedIOException e) {
            return ApiResponse.error(400, "cannot read the request: " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            log.println("m6rec serve: internal error on " + request.getMethod() + " " + path + " (a bug):");
            e.printStackTrace(log);
            return ApiResponse.error(500, "internal error");
        }
    }

    private void send(Request request, Response response, Callback callback, String label, long start,
                      ApiResponse answer) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach(headers::put);
        if (stopping.getAsBoolean()) {
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        byte[] body = request.getMethod().equals("HEAD") ? new byte[0] : answer.body();
        metrics.record(label, answer.status(), System.nanoTime() - start);
        response.write(true, ByteBuffer.wrap(body), Callback.from(callback, inFlight::end));
    }
}
