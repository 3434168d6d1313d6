package dev.m6rec.core.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The names of M6-Rec's temporary siblings, {@code .<name>.tmp-<nanoTime>}: the hidden prefix,
 * the target's own name and an all-digit suffix are the mark by which M6-Rec recognises (and may
 * later delete) a leftover of its own killed write, and nothing else in the folder.
 */
public final class TemporarySiblings {
    private TemporarySiblings() {
    }

    /** A fresh temporary name beside {@code target}. */
    public static Path next(Path target) {
        return target.resolveSibling(prefix(target) + System.nanoTime());
    }

    /** Leftovers of earlier writes of {@code target} that were killed before they could clean up. */
    public static List<Path> stale(Path target) throws IOException {
        String prefix = prefix(target);
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            return siblings.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.length() > prefix.length()
                        && name.substring(prefix.length()).chars().allMatch(Character::isDigit);
            }).toList();
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".tmp-";
    }
}
