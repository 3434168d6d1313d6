package dev.m6rec.runtime.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tampers with an artifact the way an attacker who knows the format would: changes a file, then
 * recomputes every checksum, so that only the readers' own checks stand in the way.
 */
final class Reseal {
    private Reseal() {
    }

    /** Overwrites the 4-byte length header of an array file (big-endian, after the magic) and reseals. */
    static void setArrayLength(Path artifact, String file, int length) {
        overwrite(artifact, file, 4, new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length});
    }

    /** Overwrites float {@code index} of a float array file's payload (little-endian) and reseals. */
    static void setFloat(Path artifact, String file, int index, float value) {
        int bits = Float.floatToRawIntBits(value);
        overwrite(artifact, file, 8 + 4 * index, new byte[] {(byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16),
                (byte) (bits >>> 24)});
    }

    /** Overwrites int {@code index} of an int array file's payload (little-endian) and reseals. */
    static void setInt(Path artifact, String file, int index, int value) {
        overwrite(artifact, file, 8 + 4 * index, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16),
                (byte) (value >>> 24)});
    }

    private static void overwrite(Path artifact, String file, int offset, byte[] replacement) {
        try {
            byte[] bytes = Files.readAllBytes(artifact.resolve(file));
            System.arraycopy(replacement, 0, bytes, offset, replacement.length);
            Files.write(artifact.resolve(file), bytes);
            ObjectMapper json = new ObjectMapper();
            ObjectNode manifest = (ObjectNode) json.readTree(artifact.resolve("manifest.json").toFile());
            ((ObjectNode) manifest.get("files")).put(file, sha256(bytes));
            writeManifest(artifact, json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text in manifest.json and reseals it. */
    static void editManifest(Path artifact, String from, String to) {
        try {
            String text = Files.readString(artifact.resolve("manifest.json"));
            if (!text.contains(from)) {
                throw new IllegalArgumentException("manifest has no '" + from + "'");
            }
            writeManifest(artifact, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeManifest(Path artifact, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(artifact.resolve("manifest.json"), bytes);
        Files.writeString(artifact.resolve("manifest.sha256"), sha256(bytes) + "  manifest.json\n");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
