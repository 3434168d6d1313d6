package dev.m6rec.api.artifact;

import dev.m6rec.api.ArtifactException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads back what a component wrote with {@link ArtifactWriter}. Core has verified checksums
 * before a component sees the reader; the typed helpers also check headers and lengths.
 *
 * <pre>{@code
 * float[] embeddings = in.readFloats("item-embeddings.f32");
 * }</pre>
 */
public interface ArtifactReader {

    /** Opens a file of the component's folder; throws {@link ArtifactException} when missing. */
    InputStream open(String name);

    boolean exists(String name);

    /** A description of where the files live, for error messages. */
    String location();

    /**
     * The size in bytes of a file, or -1 when the reader cannot tell. Array readers check a
     * file's length header against it before allocating, so a tampered header cannot ask for
     * gigabytes; a reader that returns -1 still never allocates more than the bytes it reads.
     */
    default long size(String name) {
        return -1;
    }

    default String readText(String name) {
        try (InputStream in = open(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    default float[] readFloats(String name) {
        ByteBuffer payload = readArray(name, 'f', Float.BYTES);
        float[] values = new float[payload.remaining() / Float.BYTES];
        payload.asFloatBuffer().get(values);
        return values;
    }

    /**
     * {@link #readFloats}, refusing a NaN or infinite value: model parameters and scores are
     * finite, so a non-finite one means a tampered (and resealed) or corrupt artifact, which would
     * otherwise be served as scores.
     */
    default float[] readFiniteFloats(String name) {
        float[] values = readFloats(name);
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new dev.m6rec.api.ArtifactException(location() + "/" + name + ": value " + i + " is not finite ("
                        + values[i] + ")");
            }
        }
        return values;
    }

    default int[] readInts(String name) {
        ByteBuffer payload = readArray(name, 'i', Integer.BYTES);
        int[] values = new int[payload.remaining() / Integer.BYTES];
        payload.asIntBuffer().get(values);
        return values;
    }

    default long[] readLongs(String name) {
        ByteBuffer payload = readArray(name, 'l', Long.BYTES);
        long[] values = new long[payload.remaining() / Long.BYTES];
        payload.asLongBuffer().get(values);
        return values;
    }

    private ByteBuffer readArray(String name, char kind, int width) {
        String where = location() + "/" + name;
        try (DataInputStream in = new DataInputStream(open(name))) {
            int magic = in.readInt();
            if (magic != (ArtifactWriter.MAGIC | kind)) {
                throw new ArtifactException(where + ": not an array file of kind '" + kind + "'");
            }
            int length = in.readInt();
            if (length < 0) {
                throw new ArtifactException(where + ": negative length " + length);
            }
            long bytes = (long) length * width;
            long size = size(name);
            if (size >= 0 && bytes > size - 2L * Integer.BYTES) {
                throw new ArtifactException(where + ": truncated");
            }
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new ArtifactException(where + ": length " + length + " exceeds the largest array");
            }
            // readNBytes grows with what it reads, so a header that lies allocates only the real bytes.
            byte[] payload = in.readNBytes((int) bytes);
            if (payload.length < bytes) {
                throw new ArtifactException(where + ": truncated");
            }
            if (in.read() != -1) {
                throw new ArtifactException(where + ": trailing bytes after " + length + " values");
            }
            return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        } catch (EOFException e) {
            throw new ArtifactException(where + ": truncated", e);
        } catch (IOException e) {
            throw new ArtifactException(where + ": " + e.getMessage(), e);
        }
    }

}
