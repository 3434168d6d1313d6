package dev.m6rec.runtime.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link RecommendationServer} listens and answers.
 *
 * @param host     the address to bind (loopback by default: the server has no authentication)
 * @param port     the port, or 0 for any free one
 * @param threads  worker threads answering requests (a fixed pool; one per core is enough for this CPU-bound work)
 * @param strict   unknown users get 404 instead of cold-start recommendations
 * @param artifact the artifact folder that {@code POST /admin/reload} reloads by default, or null when the
 *                 served pipeline was trained in-process (a reload must then name a folder)
 */
public record ServerSettings(String host, int port, int threads, boolean strict, Path artifact) {
    /** Largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Largest list length a request may ask for. */
    public static final int MAX_K = 1000;
    /** List length when a request does not say. */
    public static final int DEFAULT_K = 10;

    public ServerSettings {
        Objects.requireNonNull(host, "host is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535 (was " + port + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (was " + threads + ")");
        }
    }

    /** Loopback, any free port, one worker per core, lenient, reloading {@code artifact}. */
    public static ServerSettings loopback(Path artifact) {
        return new ServerSettings("127.0.0.1", 0, Math.max(2, Runtime.getRuntime().availableProcessors()), false, artifact);
    }
}
