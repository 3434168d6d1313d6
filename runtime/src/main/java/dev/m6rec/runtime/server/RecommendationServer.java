package dev.m6rec.runtime.server;

import dev.m6rec.runtime.M6Rec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves an {@link M6Rec} as JSON over HTTP/1.1 with an embedded Jetty 12 server (core API, no
 * servlets):
 * <pre>
 * GET  /v1/recommend?user=U&amp;k=K      POST /v1/recommend {"attributes": {...}, "k": 10}
 * GET  /v1/similar?item=I&amp;k=K        GET  /v1/explain?user=U&amp;item=I
 * POST /v1/events (one event or a list)  POST /admin/reload {"artifact": "path"} (body optional; token)
 * GET  /health                           GET  /metrics (Prometheus text)
 * </pre>
 * Bad input gets a 4xx with {@code {"error": "..."}}. {@link #stop} is graceful: the listening
 * socket closes at once, requests already accepted finish and carry {@code Connection: close},
 * then the connections close.
 *
 * <p>Why Jetty and not the JDK's {@code com.sun.net.httpserver}: the JDK server has no read
 * timeout for headers or bodies, no bound on header count or size, and a thread per exchange from
 * the first byte, so two clients that send half a request hold both workers of a 2-core machine
 * until they hang up; requests it refuses get HTML or a reset, not our JSON, and bypass the
 * metrics. Jetty reads with non-blocking I/O (a slow or idle connection holds no thread), closes
 * connections idle past a timeout, bounds the request line and headers (414, 431) and the number
 * of connections, and lets the error answers be ours.
 *
 * <pre>{@code
 * try (RecommendationServer server = RecommendationServer.start(rec, ServerSettings.loopback(artifactDir))) {
 *     System.out.println("listening on " + server.address());
 * }
 * }</pre>
 */
public final class RecommendationServer implements AutoCloseable {
    /** Jetty's own threads besides the workers: one acceptor and one selector. */
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;
    private static final String RELOAD = "/admin/reload";
    private final Server server;
    private final ServerConnector connector;
    /** Read once at start: Jetty reports a closed connector's port as -2, and stop() closes it early. */
    private final InetSocketAddress address;
    private final InFlightRequests inFlight;
    private final ServerMetrics metrics;
    private final AtomicBoolean stopping;
    private final ExecutorService adminLane;
    private boolean stopped;

    private RecommendationServer(Server server, ServerConnector connector, InFlightRequests inFlight,
                                 ServerMetrics metrics, AtomicBoolean stopping, ExecutorService adminLane) {
        this.server = server;
        this.connector = connector;
        this.address = new InetSocketAddress(connector.getHost(), connector.getLocalPort());
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.stopping = stopping;
        this.adminLane = adminLane;
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
        InFlightRequests inFlight = new InFlightRequests();
        AtomicBoolean stopping = new AtomicBoolean();
        ServerMetrics metrics = new ServerMetrics(() -> HealthEndpoint.publicVersion(versionOf(rec)),
                rec::eventStats, inFlight::count);
        AdminGuard admin = new AdminGuard(settings.adminToken());
        RecommendEndpoint recommend = new RecommendEndpoint(rec, settings.strict());
        Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
        routes.put("/v1/recommend", Map.of("GET", recommend::get, "POST", recommend::post));
        routes.put("/v1/similar", Map.of("GET", new SimilarEndpoint(rec)::get));
        routes.put("/v1/explain", Map.of("GET", new ExplainEndpoint(rec)::get));
        routes.put("/v1/events", Map.of("POST", new EventsEndpoint(rec)::post));
        ReloadEndpoint reload = new ReloadEndpoint(rec, metrics, settings.artifact(),
                new ReloadRoots(settings.effectiveReloadRoots()));
        routes.put(RELOAD, Map.of("POST", admin.guard(reload::post)));
        routes.put("/health", Map.of("GET", new HealthEndpoint(rec)::get));
        routes.put("/metrics", Map.of("GET", new MetricsEndpoint(metrics)::get));
        routes.putAll(extraRoutes);

        QueuedThreadPool threads = new QueuedThreadPool(settings.threads() + ACCEPTORS + SELECTORS,
                ACCEPTORS + SELECTORS + 1);
        threads.setName("m6rec-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(ServerSettings.MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(ServerSettings.MAX_CONNECTIONS, server));
        server.setErrorHandler(new JsonErrorHandler(metrics));
        // A reload runs on its own thread: on a request worker it halved a 2-core server's capacity for
        // the second it took, and every request queued behind it waited that out (bench/serving).
        ExecutorService adminLane = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "m6rec-admin");
            thread.setDaemon(true);
            return thread;
        });
        server.setHandler(new Router(routes, Set.of(RELOAD), adminLane, metrics, inFlight, stopping::get, log));
        // Our stop waits for the requests in flight itself; Jetty's own graceful wait would also wait
        // for idle keep-alive connections to close (a client's pool keeps them open) and then fail,
        // so Jetty's stop only closes what is left.
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is the one to report
            }
            adminLane.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
        }
        return new RecommendationServer(server, connector, inFlight, metrics, stopping, adminLane);
    }

    private static String versionOf(M6Rec rec) {
        try {
            return rec.version();
        } catch (IllegalStateException e) {
            return "none";
        }
    }

    /** The bound address (with the actual port when 0 was asked for), also during and after {@link #stop}. */
    public InetSocketAddress address() {
        return address;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully: no new connections from now on; requests already accepted are answered
     * with {@code Connection: close} (waiting at most {@code grace}); then the connections close.
     * A request whose thread called {@code System.exit} is not waited for (it can never finish).
     * Returns whether every request that could finish did so in time.
     */
    public synchronized boolean stop(Duration grace) {
        if (stopped) {
            return true;
        }
        stopped = true;
        stopping.set(true);
        boolean drained;
        try {
            // Closes the listening socket: new connections are refused from here on.
            connector.shutdown();
            drained = inFlight.awaitIdle(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        try {
            server.stop();
        } catch (Exception e) {
            drained = false;
        }
        adminLane.shutdownNow();
        return drained;
    }

    /** Whether a request's thread is inside {@code System.exit} (a plugin called it while answering). */
    public boolean aRequestCalledExit() {
        return inFlight.anyCalledExit();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
