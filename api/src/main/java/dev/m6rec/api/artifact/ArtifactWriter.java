package dev.m6rec.api.artifact;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Where a component writes its fitted state: named files inside the component's own folder of
 * an artifact. Core checksums every file and moves the folder into place atomically. Never use
 * Java serialization; the typed helpers write raw little-endian arrays with a length header so a
 * truncated file is detected on read.
 *
 * <pre>{@code
 * out.writeFloats("item-embeddings.f32", embeddings);
 * out.writeText("network.json", conf.toJson());
 * }</pre>
 */
public interface ArtifactWriter {

    /** Magic of typed array files: "M6A" plus the element kind byte. */
    int MAGIC = 0x4D364100;

    /** Opens a new file of the component's folder; names are plain file names (no slashes). */
    OutputStream create(String name);

    default void writeText(String name, String text) {
        try (OutputStream out = create(name)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    default void writeFloats(String name, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        writeArray(name, 'f', values.length, buffer.array());
    }

    default void writeInts(String name, int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        writeArray(name, 'i', values.length, buffer.array());
    }

    default void writeLongs(String name, long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        writeArray(name, 'l', values.length, buffer.array());
    }

    private void writeArray(String name, char kind, int length, byte[] payload) {
        try (DataOutputStream out = new DataOutputStream(create(name))) {
            out.writeInt(MAGIC | kind);
            out.writeInt(length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
