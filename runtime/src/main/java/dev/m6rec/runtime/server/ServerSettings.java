package dev.m6rec.runtime.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link RecommendationServer} listens and answers.
 *
 * @param host        the address to bind (loopback by default)
 * @param port        the port, or 0 for any free one
 * @param threads     worker threads answering requests (one per core is enough for this CPU-bound work;
 *                    idle and slow connections hold none of them)
 * @param strict      unknown users get 404 instead of cold-start recommendations
 * @param artifact    the artifact folder that {@code POST /admin/reload} reloads by default, or null when the
 *                    served pipeline was trained in-process (a reload must then name a folder)
 * @param adminToken  the secret {@code /admin/*} requests must present as {@code Authorization: Bearer <token>},
 *                    or null: then {@code /admin/*} is off (403)
 * @param reloadRoots the folders a reload may load artifacts from; empty means the parent folder of
 *                    {@code artifact} (or nowhere, when there is no artifact)
 * @param idleTimeout how long a connection may send nothing (while its headers or body are awaited, or
 *                    between keep-alive requests) before it is closed
 */
public record ServerSettings(String host, int port, int threads, boolean strict, Path artifact,
                             String adminToken, List<Path> reloadRoots, Duration idleTimeout) {
    /** Largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Largest request line plus headers; a larger request line gets 414, larger headers 431. */
    public static final int MAX_HEADER_BYTES = 16 << 10;
    /** Most header fields in one request; more get 431. */
    public static final int MAX_HEADER_COUNT = 100;
    /** Open connections at once; past this the server stops accepting until one closes. */
    public static final int MAX_CONNECTIONS = 1000;
    /** The default {@link #idleTimeout}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
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
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty");
        }
        reloadRoots = List.copyOf(reloadRoots);
        Objects.requireNonNull(idleTimeout, "idleTimeout is null");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive (was " + idleTimeout + ")");
        }
    }

    /** No admin token (so {@code /admin/*} is off), default reload roots and idle timeout. */
    public ServerSettings(String host, int port, int threads, boolean strict, Path artifact) {
        this(host, port, threads, strict, artifact, null, List.of(), DEFAULT_IDLE_TIMEOUT);
    }

    /** Loopback, any free port, one worker per core, lenient, reloading {@code artifact}, admin off. */
    public static ServerSettings loopback(Path artifact) {
        return new ServerSettings("127.0.0.1", 0, Math.max(2, Runtime.getRuntime().availableProcessors()), false, artifact);
    }

    /** These settings with {@code /admin/*} guarded by {@code token} and reloads limited to {@code roots}. */
    public ServerSettings withAdmin(String token, List<Path> roots) {
        return new ServerSettings(host, port, threads, strict, artifact, Objects.requireNonNull(token, "token is null"),
                roots, idleTimeout);
    }

    /** These settings with another idle timeout. */
    public ServerSettings withIdleTimeout(Duration timeout) {
        return new ServerSettings(host, port, threads, strict, artifact, adminToken, reloadRoots, timeout);
    }

    /** The folders reloads may read: the configured roots, else the served artifact's parent folder. */
    public List<Path> effectiveReloadRoots() {
        if (!reloadRoots.isEmpty() || artifact == null) {
            return reloadRoots;
        }
        Path parent = artifact.toAbsolutePath().normalize().getParent();
        return parent == null ? List.of() : List.of(parent);
    }

    @Override
    public String toString() {
        // Never print the token.
        return "ServerSettings[host=" + host + ", port=" + port + ", threads=" + threads + ", strict=" + strict
                + ", artifact=" + artifact + ", admin=" + (adminToken == null ? "off" : "token") + ", reloadRoots="
                + reloadRoots + ", idleTimeout=" + idleTimeout + "]";
    }
}
