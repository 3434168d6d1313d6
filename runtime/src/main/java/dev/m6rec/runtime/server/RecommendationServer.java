package dev.m6rec.runtime.server;

import com.sun.net.httpserver.HttpServer;
import dev.m6rec.runtime.M6Rec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serves an {@link M6Rec} as JSON over HTTP/1.1 with the JDK's HTTP server and a fixed pool of
 * worker threads:
 * <pre>
 * GET  /v1/recommend?user=U&amp;k=K      POST /v1/recommend {"attributes": {...}, "k": 10}
 * GET  /v1/similar?item=I&amp;k=K        GET  /v1/explain?user=U&amp;item=I
 * POST /v1/events (one event or a list)  POST /admin/reload {"artifact": "path"} (body optional)
 * GET  /health                           GET  /metrics (Prometheus text)
 * </pre>
 * Bad input gets a 4xx with {@code {"error": "..."}}. {@link #stop} is graceful: the listening
 * socket closes at once, requests already accepted finish, then the workers stop.
 *
 * <pre>{@code
 * try (RecommendationServer server = RecommendationServer.start(rec, ServerSettings.loopback(artifactDir))) {
 *     System.out.println("listening on " + server.address());
 * }
 * }</pre>
 */
public final class RecommendationServer implements AutoCloseable {
    static {
        // The JDK server leaves Nagle's algorithm on by default, which with delayed ACKs can hold
        // a keep-alive response back for tens of milliseconds. Read once, when the server loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int BACKLOG = 1024;
    private final HttpServer server;
    private final WorkerPool workers;
    private final ServerMetrics metrics;
    private volatile boolean stopped;

    private RecommendationServer(HttpServer server, WorkerPool workers, ServerMetrics metrics) {
        this.server = server;
        this.workers = workers;
        this.metrics = metrics;
    }

    /** Binds, starts and returns the server; errors go to {@code System.err}. */
    public static RecommendationServer start(M6Rec rec, ServerSettings settings) {
        return start(rec, settings, Map.of(), System.err);
    }

    /** As {@link #start(M6Rec, ServerSettings)}, with extra routes (tests) and where bugs are logged. */
    static RecommendationServer start(M6Rec rec, ServerSettings settings,
                                      Map<String, Map<String, Endpoint>> extraRoutes, PrintStream log) {
        Objects.requireNonNull(rec, "rec is null");
        Objects.requireNonNull(settings, "settings is null");
        WorkerPool workers = new WorkerPool(settings.threads());
        ServerMetrics metrics = new ServerMetrics(() -> versionOf(rec), rec::eventsRecorded, workers::inFlight);
        RecommendEndpoint recommend = new RecommendEndpoint(rec, settings.strict());
        Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
        routes.put("/v1/recommend", Map.of("GET", recommend::get, "POST", recommend::post));
        routes.put("/v1/similar", Map.of("GET", new SimilarEndpoint(rec)::get));
        routes.put("/v1/explain", Map.of("GET", new ExplainEndpoint(rec)::get));
        routes.put("/v1/events", Map.of("POST", new EventsEndpoint(rec)::post));
        routes.put("/admin/reload", Map.of("POST", new ReloadEndpoint(rec, metrics, settings.artifact())::post));
        routes.put("/health", Map.of("GET", new HealthEndpoint(rec)::get));
        routes.put("/metrics", Map.of("GET", new MetricsEndpoint(metrics)::get));
        routes.putAll(extraRoutes);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        server.createContext("/", new Router(routes, metrics, log));
        server.setExecutor(workers);
        server.start();
        return new RecommendationServer(server, workers, metrics);
    }

    private static String versionOf(M6Rec rec) {
        try {
            return rec.version();
        } catch (IllegalStateException e) {
            return "none";
        }
    }

    /** The bound address (with the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully: no new connections from now on; requests already accepted are answered
     * (waiting at most {@code grace}); then open connections close and the workers stop.
     * Returns whether every accepted request finished in time.
     */
    public synchronized boolean stop(Duration grace) {
        if (stopped) {
            return true;
        }
        stopped = true;
        // HttpServer.stop closes the listening socket at once but then waits its whole delay when
        // no exchange is open; so it runs aside while the pool drains, and a second stop(0) ends it.
        int graceSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, grace.toSeconds()));
        Thread closer = new Thread(() -> server.stop(graceSeconds), "m6rec-http-stop");
        closer.setDaemon(true);
        closer.start();
        boolean drained;
        try {
            drained = workers.drain(grace.toMillis());
            server.stop(0);
            closer.join(grace.toMillis() + 1000);
            workers.shutdown(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return drained;
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
