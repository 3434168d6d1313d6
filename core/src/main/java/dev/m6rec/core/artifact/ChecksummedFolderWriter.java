package dev.m6rec.core.artifact;

import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Writes one component's files into its folder, computing each file's SHA-256 as it streams and
 * forcing it to disk on close; the checksums go into the manifest, keyed {@code folder/name}.
 */
final class ChecksummedFolderWriter implements ArtifactWriter {
    private final Path root;
    private final String folder;
    private final Map<String, String> checksums;

    ChecksummedFolderWriter(Path root, String folder, Map<String, String> checksums) {
        this.root = root;
        this.folder = folder;
        this.checksums = checksums;
    }

    @Override
    public OutputStream create(String name) {
        String key = folder + "/" + ArtifactFileNames.check(name);
        if (checksums.containsKey(key)) {
            throw new IllegalStateException("artifact file written twice: " + key);
        }
        try {
            Path file = root.resolve(folder).resolve(name);
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), digest);
            return new FilterOutputStream(out) {
                private boolean closed;

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    out.flush();
                    channel.force(true);
                    out.close();
                    synchronized (checksums) {
                        checksums.put(key, HexFormat.of().formatHex(digest.digest()));
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write artifact file " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
