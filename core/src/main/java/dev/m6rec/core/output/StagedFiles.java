package dev.m6rec.core.output;

import dev.m6rec.api.M6RecException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output files written all or nothing. Each file is written in full to a temporary sibling (same
 * folder, so the final rename is atomic) and forced to disk; {@link #commit} renames them into
 * place, and {@link #close} deletes whatever was not committed. A full disk therefore fails while
 * staging, before any target changes, and leaves no temporary file behind. Targets must be
 * regular files or new paths: a folder, device, pipe or link is refused, never replaced.
 *
 * <pre>{@code
 * try (StagedFiles files = new StagedFiles()) {
 *     files.stage(dir.resolve("metrics.json"), out -> out.write(json));
 *     saveArtifact();              // if this throws, metrics.json is untouched
 *     files.commit();
 * }
 * }</pre>
 */
public final class StagedFiles implements AutoCloseable {
    private final Map<Path, Path> temporaryOf = new LinkedHashMap<>();

    /** What goes into one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes one file all or nothing. */
    public static void write(Path target, Content content) {
        try (StagedFiles files = new StagedFiles()) {
            files.stage(target, content);
            files.commit();
        }
    }

    /** Refuses, naming it, a target that exists and is not a regular file (links are not followed). */
    public static void checkWritable(Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new M6RecException(file + ": exists and is not a regular file (a folder, device, pipe or link);"
                    + " M6-Rec writes only to regular files or new paths");
        }
    }

    /** Writes {@code content} to a temporary sibling of {@code target}, creating the folder if needed. */
    public void stage(Path target, Content content) {
        Path file = target.toAbsolutePath().normalize();
        checkWritable(file);
        Path tmp = TemporarySiblings.next(file);
        try {
            Files.createDirectories(file.getParent());
            temporaryOf.put(file, tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        } catch (IOException | UncheckedIOException e) {
            throw failure(file, e);
        }
    }

    /** Renames every staged file into place, in the order staged; stale leftovers of killed writes go too. */
    public void commit() {
        for (Map.Entry<Path, Path> entry : temporaryOf.entrySet()) {
            Path file = entry.getKey();
            checkWritable(file);
            try {
                Files.move(entry.getValue(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                for (Path stale : TemporarySiblings.stale(file)) {
                    if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(stale);
                    }
                }
            } catch (IOException e) {
                throw failure(file, e);
            }
        }
        temporaryOf.clear();
    }

    /** Deletes the temporary files of anything not committed. */
    @Override
    public void close() {
        for (Path tmp : temporaryOf.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (NoSuchFileException ignored) {
                // never created
            } catch (IOException e) {
                // The write already failed with its own message; the next commit removes the leftover.
            }
        }
        temporaryOf.clear();
    }

    /** A full disk or an unwritable folder is the user's to fix: one line naming the file, exit 2. */
    private static M6RecException failure(Path file, Exception e) {
        return new M6RecException("cannot write " + file + ": " + IoReason.of(e), e);
    }
}
