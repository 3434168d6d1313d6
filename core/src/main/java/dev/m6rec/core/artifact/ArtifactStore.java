package dev.m6rec.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.core.output.IoReason;
import dev.m6rec.core.output.TemporarySiblings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Stores a pipeline as a folder: {@code manifest.json} plus one folder of state per component.
 * A save writes a hidden temporary sibling, forces every file and folder to disk, then swaps it
 * into place with renames; a crash at any point leaves the previous artifact loadable (a save
 * interrupted between its two renames is read from where it was set aside, and rolled back by the
 * next save). A save replaces only what M6-Rec wrote ({@link ArtifactTarget}); opening never
 * renames or deletes anything. Opening verifies
 * the format version and the checksum of every file, and refuses missing, unknown, altered or
 * truncated files, naming them.
 */
public final class ArtifactStore {
    static final String MANIFEST = "manifest.json";
    /** The manifest's own SHA-256, in {@code sha256sum} format, so that no byte of the manifest goes unchecked. */
    static final String MANIFEST_CHECKSUM = "manifest.sha256";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ArtifactStore() {
    }

    /**
     * Writes the components' state and the manifest built from {@code base} into {@code target}.
     * Refuses, before writing anything, a target that is not {@link ArtifactTarget#isOwned ours};
     * a failure (a full disk, a component that throws) removes the temporary folder and leaves
     * the previous artifact as it was.
     */
    public static void save(Path target, ArtifactManifest base, Map<String, java.util.function.Consumer<ArtifactWriter>> folders) {
        Path dir = target.toAbsolutePath().normalize();
        Path tmp = null;
        if (Files.exists(dir.getParent()) && !Files.isDirectory(dir.getParent())) {
            throw new ArtifactException(dir.getParent() + ": exists and is not a folder; cannot save the artifact in it");
        }
        try {
            Files.createDirectories(dir.getParent());
            rollBackInterruptedSwap(dir);
            ArtifactTarget.checkReplaceable(dir);
            ArtifactTarget.checkReplaceable(aside(dir));
            tmp = TemporarySiblings.next(dir);
            Files.createDirectory(tmp);
            Map<String, String> checksums = new TreeMap<>();
            for (Map.Entry<String, java.util.function.Consumer<ArtifactWriter>> entry : folders.entrySet()) {
                Files.createDirectory(tmp.resolve(ArtifactFileNames.check(entry.getKey())));
                entry.getValue().accept(new ChecksummedFolderWriter(tmp, entry.getKey(), checksums));
                forceDirectory(tmp.resolve(entry.getKey()));
            }
            ArtifactManifest manifest = new ArtifactManifest(ArtifactManifest.FORMAT, ArtifactManifest.CURRENT_VERSION,
                    base.config(), base.seed(), base.plugins(), base.components(), base.libraries(), base.metrics(), checksums);
            byte[] manifestBytes = MAPPER.writeValueAsBytes(manifest);
            writeForced(tmp.resolve(MANIFEST), manifestBytes);
            writeForced(tmp.resolve(MANIFEST_CHECKSUM), (HexFormat.of().formatHex(sha256(manifestBytes)) + "  " + MANIFEST + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            forceDirectory(tmp);
            swapInto(tmp, dir);
            tmp = null;
        } catch (IOException | UncheckedIOException e) {
            // A full disk or an unwritable folder is the user's to fix: one line, exit 2.
            throw new ArtifactException("cannot save artifact " + dir + ": " + IoReason.of(e), e);
        } finally {
            if (tmp != null) {
                deleteOwnTemporary(tmp, dir);
            }
        }
    }

    /** After a failed save: our temporary folder goes, and a swap cut short between its renames is undone. */
    private static void deleteOwnTemporary(Path tmp, Path dir) {
        try {
            deleteTree(tmp);
            rollBackInterruptedSwap(dir);
        } catch (IOException | UncheckedIOException e) {
            // The save already failed with its own message; a leftover .tmp- folder is removed by the next save.
        }
    }

    private static void writeForced(Path file, byte[] bytes) throws IOException {
        try (var out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(java.nio.ByteBuffer.wrap(bytes));
            out.force(true);
        }
    }

    /** Opens and fully verifies an artifact; component readers see only verified files. */
    public static OpenedArtifact open(Path target) {
        Path dir = target.toAbsolutePath().normalize();
        if (!Files.exists(dir) && Files.isRegularFile(aside(dir).resolve(MANIFEST))) {
            // A save died between its two renames. Opening is read-only (it may be pointed at anyone's
            // folder), so the previous artifact is read where it was set aside; the next save moves it back.
            dir = aside(dir);
        }
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new ArtifactException(dir + ": not an M6-Rec artifact (no " + MANIFEST + ")");
        }
        verifyManifestChecksum(dir, manifestFile);
        ArtifactManifest manifest = ManifestJson.read(manifestFile);
        verifyFiles(dir, manifest);
        return new OpenedArtifact(dir, manifest);
    }

    /** Every byte of the manifest counts (a flipped digit in the config or seed would otherwise load). */
    private static void verifyManifestChecksum(Path dir, Path manifestFile) {
        Path checksumFile = dir.resolve(MANIFEST_CHECKSUM);
        if (!Files.isRegularFile(checksumFile)) {
            throw new ArtifactException(checksumFile + ": missing from the artifact");
        }
        String line;
        try {
            line = Files.readString(checksumFile, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ArtifactException(checksumFile + ": " + e.getMessage(), e);
        }
        if (!line.matches("[0-9a-f]{64}  " + java.util.regex.Pattern.quote(MANIFEST) + "\n")) {
            throw new ArtifactException(checksumFile + ": malformed (expected '<sha-256 in hex>  " + MANIFEST + "')");
        }
        if (!line.substring(0, 64).equals(sha256(manifestFile))) {
            throw new ArtifactException(manifestFile + ": checksum mismatch with " + checksumFile
                    + " (one of the two was altered or truncated)");
        }
    }

    private static void verifyFiles(Path dir, ArtifactManifest manifest) {
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> onDisk.add(dir.relativize(f).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new ArtifactException(dir + ": " + e.getMessage(), e);
        }
        onDisk.remove(MANIFEST);
        onDisk.remove(MANIFEST_CHECKSUM);
        for (Map.Entry<String, String> entry : new TreeMap<>(manifest.files()).entrySet()) {
            Path file = dir.resolve(entry.getKey()).normalize();
            if (!file.startsWith(dir)) {
                throw new ArtifactException(dir.resolve(MANIFEST) + ": file entry escapes the artifact: " + entry.getKey());
            }
            if (!onDisk.remove(entry.getKey())) {
                throw new ArtifactException(file + ": missing from the artifact");
            }
            String actual = sha256(file);
            if (!actual.equals(entry.getValue())) {
                throw new ArtifactException(file + ": checksum mismatch (the file was altered or truncated)");
            }
        }
        if (!onDisk.isEmpty()) {
            throw new ArtifactException(dir.resolve(onDisk.stream().sorted().findFirst().orElseThrow())
                    + ": unknown file, not listed in the manifest");
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ArtifactException(file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces {@code dir} with {@code tmp}: old aside, new in, old deleted; the parent is forced
     * between steps. Only what {@link ArtifactTarget} accepts as ours is set aside or deleted.
     */
    private static void swapInto(Path tmp, Path dir) throws IOException {
        Path old = aside(dir);
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            ArtifactTarget.checkReplaceable(old);
            ArtifactTarget.delete(old);
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            ArtifactTarget.checkReplaceable(dir);
            move(dir, old);
            forceDirectory(dir.getParent());
        }
        move(tmp, dir);
        forceDirectory(dir.getParent());
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            ArtifactTarget.delete(old);
        }
        // Temporary folders of saves that were killed; their name is the mark that they are ours.
        for (Path stale : TemporarySiblings.stale(dir)) {
            if (Files.isDirectory(stale, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(stale);
            }
        }
    }

    /** Where a save sets the previous artifact aside while it moves the new one in. */
    private static Path aside(Path dir) {
        return dir.resolveSibling("." + dir.getFileName() + ".old");
    }

    /**
     * A save that died after moving the old artifact aside but before moving the new one in. Only
     * a save rolls it back (it owns the target), and only when the folder set aside is an artifact.
     */
    private static void rollBackInterruptedSwap(Path dir) throws IOException {
        Path old = aside(dir);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(old.resolve(MANIFEST))
                && ArtifactTarget.isOwned(old)) {
            move(old, dir);
            forceDirectory(dir.getParent());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot open directories for sync; the renames are still atomic there.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(p);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
            }
        }
    }

    /** A verified artifact: its manifest and a reader per component folder. */
    public record OpenedArtifact(Path dir, ArtifactManifest manifest) {
        public ArtifactReader reader(String folder) {
            Set<String> listed = new HashSet<>();
            for (String key : manifest.files().keySet()) {
                if (key.startsWith(folder + "/")) {
                    listed.add(key);
                }
            }
            return new VerifiedFolderReader(dir, folder, listed);
        }
    }
}
