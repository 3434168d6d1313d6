package dev.m6rec.core.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.core.testing.MemoryArtifacts;
import org.junit.jupiter.api.Test;

/** A reader that cannot tell a file's size still never trusts a length header for its allocation. */
class ArrayLengthHeaderTest {
    private static MemoryArtifacts withLength(String name, int length) {
        MemoryArtifacts files = new MemoryArtifacts("mem");
        files.writeFloats(name, new float[] {1f, 2f, 3f});
        byte[] bytes = files.files.get(name);
        bytes[4] = (byte) (length >>> 24);
        bytes[5] = (byte) (length >>> 16);
        bytes[6] = (byte) (length >>> 8);
        bytes[7] = (byte) length;
        return files;
    }

    @Test
    void aHeaderBeyondTheLargestArrayIsRefusedWithoutArithmeticOverflow() {
        MemoryArtifacts files = withLength("x.f32", 0x7fffffff);
        assertThat(files.size("x.f32")).isEqualTo(-1);
        assertThatThrownBy(() -> files.readFloats("x.f32")).isInstanceOf(ArtifactException.class)
                .hasMessage("mem/x.f32: length 2147483647 exceeds the largest array");
    }

    @Test
    void aHeaderLargerThanTheBytesReadIsTruncated() {
        MemoryArtifacts files = withLength("x.f32", 0x10000000);
        assertThatThrownBy(() -> files.readFloats("x.f32")).isInstanceOf(ArtifactException.class)
                .hasMessage("mem/x.f32: truncated");
    }

    @Test
    void aHonestHeaderReadsBack() {
        assertThat(withLength("x.f32", 3).readFloats("x.f32")).containsExactly(1f, 2f, 3f);
    }
}
