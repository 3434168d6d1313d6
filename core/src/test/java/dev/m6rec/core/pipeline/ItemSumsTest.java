package dev.m6rec.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ItemSumsTest {
    @Test
    void drainsTheReachedItemsInOrderWithSumsInCallOrderAndStartsAgainFromZero() {
        ItemSums sums = new ItemSums(1000);
        Random random = new Random(3);
        for (int round = 0; round < 3; round++) {
            TreeMap<Integer, Float> expected = new TreeMap<>();
            for (int a = 0; a < 500; a++) {
                int item = random.nextInt(1000);
                float value = random.nextFloat() - 0.3f;
                sums.add(item, value);
                expected.merge(item, value, (x, y) -> x + y);   // in call order
            }
            assertThat(sums.size()).isEqualTo(expected.size());
            int[] items = new int[sums.size()];
            float[] values = new float[sums.size()];
            sums.drain(items, values);
            assertThat(items).containsExactly(expected.keySet().stream().mapToInt(Integer::intValue).toArray());
            for (int r = 0; r < items.length; r++) {
                assertThat(values[r]).isEqualTo(expected.get(items[r]));
            }
            assertThat(sums.size()).isZero();
        }
    }

    @Test
    void aClearedRequestLeavesNothingBehind() {
        ItemSums sums = new ItemSums(10);
        sums.add(3, 1f);
        sums.add(7, 2f);
        sums.clear();
        sums.add(7, 0.5f);
        int[] items = new int[1];
        float[] values = new float[1];
        sums.drain(items, values);
        assertThat(items).containsExactly(7);
        assertThat(values).containsExactly(0.5f);
    }
}
