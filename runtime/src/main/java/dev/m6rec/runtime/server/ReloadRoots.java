package dev.m6rec.runtime.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders {@code POST /admin/reload} may load artifacts from. A target is compared by its real
 * path (links and {@code ..} resolved), so a link inside a root that points outside is refused too.
 */
final class ReloadRoots {
    private final List<Path> roots;

    ReloadRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Refuses {@code target} (403) unless it lies under one of the roots; a missing target passes (the load reports it). */
    void check(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            throw new ApiException(403, "reload of " + target + " refused: cannot resolve the path (" + e.getMessage() + ")");
        }
        for (Path root : roots) {
            Path realRoot = realOrNormal(root);
            if (real.startsWith(realRoot) && !real.equals(realRoot)) {
                return;
            }
        }
        List<String> shown = new ArrayList<>();
        roots.forEach(r -> shown.add(r.toString()));
        throw new ApiException(403, "reload of " + target + " refused: artifacts may be loaded only from under "
                + (shown.isEmpty() ? "no folder (no reload roots are configured)" : String.join(", ", shown))
                + " (--reload-root)");
    }

    private static Path realOrNormal(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }
}
