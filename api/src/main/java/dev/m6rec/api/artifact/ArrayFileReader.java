package dev.m6rec.api.artifact;

import dev.m6rec.api.ArtifactException;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntFunction;

/**
 * Reads one array file written by {@link ArtifactWriter} (magic, length, little-endian values)
 * into a primitive array. When the reader knows the file's size, the values are converted
 * through a 64 KB buffer straight into the result: a server reloading a 100 MB artifact then
 * allocates each array once, instead of a file-sized byte array (and the chunks
 * {@code readNBytes} gathers it in) beside it, garbage that the collector otherwise pays for in
 * pauses while requests are being answered.
 */
final class ArrayFileReader {
    /** Bytes converted per step; a multiple of every value width. */
    private static final int CHUNK = 1 << 16;

    /** Copies the values of {@code chunk} into {@code into} from value index {@code at}. */
    interface Fill<A> {
        void fill(ByteBuffer chunk, A into, int at);
    }

    private ArrayFileReader() {
    }

    static <A> A read(ArtifactReader reader, String name, char kind, int width, IntFunction<A> allocate,
                      Fill<A> fill) {
        String where = reader.location() + "/" + name;
        try (DataInputStream in = new DataInputStream(reader.open(name))) {
            int magic = in.readInt();
            if (magic != (ArtifactWriter.MAGIC | kind)) {
                throw new ArtifactException(where + ": not an array file of kind '" + kind + "'");
            }
            int length = in.readInt();
            if (length < 0) {
                throw new ArtifactException(where + ": negative length " + length);
            }
            long bytes = (long) length * width;
            long size = reader.size(name);
            if (size >= 0 && bytes > size - 2L * Integer.BYTES) {
                throw new ArtifactException(where + ": truncated");
            }
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new ArtifactException(where + ": length " + length + " exceeds the largest array");
            }
            A values;
            if (size < 0) {
                // readNBytes grows with what it reads, so a header that lies allocates only the real bytes.
                byte[] payload = in.readNBytes((int) bytes);
                if (payload.length < bytes) {
                    throw new ArtifactException(where + ": truncated");
                }
                values = allocate.apply(length);
                fill.fill(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN), values, 0);
            } else {
                // The header was checked against the file's size: allocating the result now is safe.
                values = allocate.apply(length);
                byte[] buffer = new byte[(int) Math.min(bytes, CHUNK)];
                ByteBuffer chunk = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
                for (long done = 0; done < bytes; ) {
                    int want = (int) Math.min(buffer.length, bytes - done);
                    if (in.readNBytes(buffer, 0, want) < want) {
                        throw new ArtifactException(where + ": truncated");
                    }
                    chunk.clear().limit(want);
                    fill.fill(chunk, values, (int) (done / width));
                    done += want;
                }
            }
            if (in.read() != -1) {
                throw new ArtifactException(where + ": trailing bytes after " + length + " values");
            }
            return values;
        } catch (EOFException e) {
            throw new ArtifactException(where + ": truncated", e);
        } catch (IOException e) {
            throw new ArtifactException(where + ": " + e.getMessage(), e);
        }
    }
}
