package dev.m6rec.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arrays read through the chunked path (the reader knows each file's size) come back exactly. */
class ArrayFileReaderTest {
    /** Files in memory whose sizes the reader reports, as the artifact store's reader does. */
    private static final class SizedFiles implements ArtifactReader, ArtifactWriter {
        final Map<String, byte[]> files = new HashMap<>();

        @Override
        public OutputStream create(String name) {
            return new ByteArrayOutputStream() {
                @Override
                public void close() {
                    files.put(name, toByteArray());
                }
            };
        }

        @Override
        public InputStream open(String name) {
            return new ByteArrayInputStream(files.get(name));
        }

        @Override
        public boolean exists(String name) {
            return files.containsKey(name);
        }

        @Override
        public long size(String name) {
            return files.get(name).length;
        }

        @Override
        public String location() {
            return "sized";
        }
    }

    /** Not a multiple of the 64 KB chunk in bytes for any width, and several chunks long. */
    private static final int LENGTH = 3 * (1 << 14) + 5;

    @Test
    void arraysSpanningSeveralChunksReadBackExactly() {
        SplittableRandom random = new SplittableRandom(7);
        float[] floats = new float[LENGTH];
        int[] ints = new int[LENGTH];
        long[] longs = new long[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            floats[i] = (float) random.nextDouble(-1e6, 1e6);
            ints[i] = random.nextInt();
            longs[i] = random.nextLong();
        }
        SizedFiles files = new SizedFiles();
        files.writeFloats("x.f32", floats);
        files.writeInts("x.i32", ints);
        files.writeLongs("x.i64", longs);
        files.writeFloats("empty.f32", new float[0]);
        assertThat(files.readFloats("x.f32")).containsExactly(floats);
        assertThat(files.readInts("x.i32")).containsExactly(ints);
        assertThat(files.readLongs("x.i64")).containsExactly(longs);
        assertThat(files.readFloats("empty.f32")).isEmpty();
    }

    @Test
    void aShortOrLongFileIsRefusedOnTheChunkedPath() {
        SizedFiles files = new SizedFiles();
        files.writeInts("x.i32", new int[LENGTH]);
        byte[] whole = files.files.get("x.i32");
        files.files.put("cut.i32", Arrays.copyOf(whole, whole.length - 1));
        files.files.put("long.i32", Arrays.copyOf(whole, whole.length + 1));
        assertThatThrownBy(() -> files.readInts("cut.i32")).isInstanceOf(ArtifactException.class)
                .hasMessage("sized/cut.i32: truncated");
        assertThatThrownBy(() -> files.readInts("long.i32")).isInstanceOf(ArtifactException.class)
                .hasMessage("sized/long.i32: trailing bytes after " + LENGTH + " values");
        assertThatThrownBy(() -> files.readFloats("x.i32")).isInstanceOf(ArtifactException.class)
                .hasMessage("sized/x.i32: not an array file of kind 'f'");
    }
}
