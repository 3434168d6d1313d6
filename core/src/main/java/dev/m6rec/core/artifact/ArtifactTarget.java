package dev.m6rec.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m6rec.api.ArtifactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which folders a save may replace or delete: M6-Rec deletes only what it wrote. A folder is ours
 * when it is empty, or when it holds a {@code manifest.json} with the M6-Rec format marker and
 * nothing but the files that manifest lists (and {@code manifest.sha256}). A user's file dropped
 * into an artifact, a folder of someone else's, a link or a special file is never ours.
 */
public final class ArtifactTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ArtifactTarget() {
    }

    /** Refuses, naming {@code dir}, unless it does not exist or is a folder M6-Rec may replace. */
    public static void checkReplaceable(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String why = whyNotOwned(dir);
        if (why != null) {
            throw new ArtifactException(dir + ": " + why + "; M6-Rec replaces only its own artifacts or empty folders"
                    + " (move it away or choose another path)");
        }
    }

    /** True when {@code dir} is an empty folder or an M6-Rec artifact holding only the files it lists. */
    public static boolean isOwned(Path dir) {
        return Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && whyNotOwned(dir) == null;
    }

    /** Null when the existing {@code dir} is ours, else the reason it is not. */
    private static String whyNotOwned(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return "exists and is not a folder";
        }
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir)).forEach(entries::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "cannot be listed (" + e.getMessage() + ")";
        }
        if (entries.isEmpty()) {
            return null;
        }
        Path manifestFile = dir.resolve(ArtifactStore.MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            return "not empty and not an M6-Rec artifact (no " + ArtifactStore.MANIFEST + ")";
        }
        Set<String> listed = new HashSet<>();
        try {
            JsonNode manifest = MAPPER.readTree(manifestFile.toFile());
            if (!ArtifactManifest.FORMAT.equals(manifest.path("format").asText(null))) {
                return "not an M6-Rec artifact (" + ArtifactStore.MANIFEST + " has no M6-Rec format marker)";
            }
            manifest.path("files").fieldNames().forEachRemaining(listed::add);
        } catch (IOException e) {
            return "not an M6-Rec artifact (unreadable " + ArtifactStore.MANIFEST + ")";
        }
        listed.add(ArtifactStore.MANIFEST);
        listed.add(ArtifactStore.MANIFEST_CHECKSUM);
        for (Path entry : entries) {
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String name = dir.relativize(entry).toString().replace('\\', '/');
            if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || !listed.contains(name)) {
                return "holds " + entry + ", which its manifest does not list";
            }
        }
        return null;
    }

    /**
     * Deletes a folder {@link #isOwned} accepted, the manifest last: a delete cut short leaves a
     * folder that is still recognisably ours (its manifest, or nothing), so the next save can finish it.
     */
    static void delete(Path dir) throws IOException {
        Path manifest = dir.resolve(ArtifactStore.MANIFEST);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            if (!p.equals(manifest) && !p.equals(dir)) {
                deleteIfPresent(p);
            }
        }
        deleteIfPresent(manifest);
        deleteIfPresent(dir);
    }

    private static void deleteIfPresent(Path p) throws IOException {
        try {
            Files.delete(p);
        } catch (NoSuchFileException ignored) {
            // already gone
        }
    }
}
