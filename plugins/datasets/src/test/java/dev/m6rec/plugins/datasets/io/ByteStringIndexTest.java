package dev.m6rec.plugins.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.IdIndex;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteStringIndexTest {

    @Test
    void assignsIndexesInFirstSeenOrderLikeAMap() {
        ByteStringIndex index = new ByteStringIndex(StandardCharsets.UTF_8);
        Map<String, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        byte[] buffer = new byte[64];
        int mismatches = 0;
        for (int n = 0; n < 100_000; n++) {
            int number = random.nextInt(30_000);
            // short ids are compared packed in the table, long ones in the arena
            String id = number % 3 == 0 ? "user-" + number + "-long" : Integer.toString(number);
            byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
            int offset = random.nextInt(10);
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            int got = index.add(buffer, offset, bytes.length);
            Integer want = expected.computeIfAbsent(id, k -> expected.size());
            mismatches += got == want ? 0 : 1;
        }
        assertThat(mismatches).isZero();
        assertThat(index.size()).isEqualTo(expected.size());
        IdIndex ids = index.toIdIndex("user id");
        expected.forEach((id, k) -> assertThat(ids.indexOf(id)).isEqualTo(k));
        byte[] missing = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(index.indexOf(missing, 0, 1)).isEqualTo(-1);
    }

    @Test
    void keepsNonAsciiIdsAndEmptyPrefixesApart() {
        ByteStringIndex index = new ByteStringIndex(StandardCharsets.UTF_8);
        assertThat(index.add("Amélie")).isZero();
        assertThat(index.add("Amelie")).isEqualTo(1);
        assertThat(index.add("A")).isEqualTo(2);
        assertThat(index.add("Amélie")).isZero();
        assertThat(index.id(0)).isEqualTo("Amélie");
    }

    @Test
    void refusesIdsThatOnlyDifferInInvalidBytes() {
        ByteStringIndex index = new ByteStringIndex(StandardCharsets.UTF_8);
        index.add(new byte[] {'a', (byte) 0xFF}, 0, 2);
        index.add(new byte[] {'a', (byte) 0xFE}, 0, 2);
        assertThatThrownBy(() -> index.toIdIndex("item id")).isInstanceOf(DataException.class)
                .hasMessage("item id 'a\uFFFD' appears with different bytes that decode to the same text;"
                        + " check the file encoding");
    }
}
