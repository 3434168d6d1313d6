package dev.m6rec.api.artifact;

import dev.m6rec.api.ArtifactException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
        return ArrayFileReader.read(this, name, 'f', Float.BYTES, float[]::new,
                (chunk, into, at) -> chunk.asFloatBuffer().get(into, at, chunk.remaining() / Float.BYTES));
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
                throw new ArtifactException(location() + "/" + name + ": value " + i + " is not finite ("
                        + values[i] + ")");
            }
        }
        return values;
    }

    default int[] readInts(String name) {
        return ArrayFileReader.read(this, name, 'i', Integer.BYTES, int[]::new,
                (chunk, into, at) -> chunk.asIntBuffer().get(into, at, chunk.remaining() / Integer.BYTES));
    }

    default long[] readLongs(String name) {
        return ArrayFileReader.read(this, name, 'l', Long.BYTES, long[]::new,
                (chunk, into, at) -> chunk.asLongBuffer().get(into, at, chunk.remaining() / Long.BYTES));
    }

}
