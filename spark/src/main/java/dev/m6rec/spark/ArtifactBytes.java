package dev.m6rec.spark;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of a trained artifact folder as bytes, keyed by relative path: what a Spark job
 * broadcasts so that each executor rebuilds the folder and loads it through the normal, checksum
 * verifying loader. The tag is the SHA-256 of the manifest's own checksum file, which covers every
 * file, so two different artifacts never share a tag.
 */
record ArtifactBytes(String tag, Map<String, byte[]> files) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String MANIFEST_CHECKSUM = "manifest.sha256";

    /** Reads the folder; the loader checks the content later, this only refuses what is not a folder. */
    static ArtifactBytes read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(MANIFEST_CHECKSUM))) {
            throw new ArtifactException(dir + ": not an M6-Rec artifact (no " + MANIFEST_CHECKSUM + ")");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new ArtifactException(dir + ": cannot read: " + e.getMessage(), e);
        }
        return new ArtifactBytes(sha256(files.get(MANIFEST_CHECKSUM)), files);
    }

    /**
     * The artifact a trained pipeline saves (without the split and metrics, which workers do not
     * need), written to a temporary folder that is gone when this returns: a run evaluates before it
     * writes its own artifact, whose manifest carries the metrics.
     */
    static ArtifactBytes of(FittedPipeline pipeline, RunConfig config) {
        Path root = null;
        try {
            root = Files.createTempDirectory("m6rec-evaluated-");
            Path dir = root.resolve("artifact");
            PipelineArtifact.save(dir, pipeline, config,
                    PluginRegistry.discover(ArtifactBytes.class.getClassLoader(), List.of()), Map.of());
            return read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (root != null) {
                deleteTree(root);
            }
        }
    }

    /** Removes {@code root} and everything under it. */
    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot remove the temporary artifact", e);
        }
    }

    /** Writes the files under a new temporary folder and returns it. */
    Path materialize() {
        try {
            Path root = Files.createTempDirectory("m6rec-artifact-" + tag.substring(0, 12) + "-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = root.resolve(file.getKey()).normalize();
                if (!target.startsWith(root)) {
                    throw new ArtifactException(file.getKey() + ": escapes the artifact folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of every file together. */
    long size() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
