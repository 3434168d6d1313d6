package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.api.M6RecException;
import dev.m6rec.runtime.M6Rec;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code POST /admin/reload}, optional body {@code {"artifact": "path"}}: loads an artifact (by
 * default the one served last) and swaps it in while requests keep being answered. A failed load
 * leaves the old pipeline serving and answers 422 with the reason. Reloads run one at a time.
 * Only artifacts under the {@link ReloadRoots} are loaded (403 otherwise): a caller that holds the
 * admin token still cannot make the server read an arbitrary path.
 */
final class ReloadEndpoint {
    private static final Set<String> FIELDS = Set.of("artifact");
    private final M6Rec rec;
    private final ServerMetrics metrics;
    private final ReloadRoots roots;
    private Path current;

    /** The answer to a successful reload. */
    record ReloadedJson(String version, String previous, String artifact, long millis) {
    }

    ReloadEndpoint(M6Rec rec, ServerMetrics metrics, Path artifact, ReloadRoots roots) {
        this.rec = rec;
        this.metrics = metrics;
        this.roots = roots;
        this.current = artifact;
    }

    ApiResponse post(ApiRequest request) {
        JsonNode body = JsonCodec.parse(request.body(), true);
        Path asked = null;
        if (body != null) {
            JsonCodec.requireObject(body, "body", FIELDS);
            String path = JsonCodec.optionalString(body, "artifact", "body");
            if (path != null) {
                try {
                    asked = Path.of(path);
                } catch (InvalidPathException e) {
                    throw ApiException.badRequest("artifact: not a path (" + e.getMessage() + ")");
                }
            }
        }
        return reload(asked);
    }

    private synchronized ApiResponse reload(Path asked) {
        Path target = asked != null ? asked : current;
        if (target == null) {
            throw ApiException.badRequest("nothing to reload: the served pipeline was not loaded from an artifact; "
                    + "give {\"artifact\": \"path\"}");
        }
        roots.check(target);
        String previous = rec.version();
        long start = System.nanoTime();
        try {
            rec.reload(target);
        } catch (RuntimeException e) {
            metrics.reloaded(false);
            if (e instanceof M6RecException || e instanceof UncheckedIOException) {
                throw new ApiException(422, "reload of " + target + " failed; still serving " + previous + ": "
                        + e.getMessage());
            }
            throw e;
        }
        metrics.reloaded(true);
        current = target;
        return ApiResponse.ok(new ReloadedJson(rec.version(), previous, target.toString(),
                (System.nanoTime() - start) / 1_000_000));
    }
}
