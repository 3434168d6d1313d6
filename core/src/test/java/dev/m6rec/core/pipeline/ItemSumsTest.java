package dev.m6rec.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ItemSumsTest {
    @Test
    void drainsTheBestPositiveUnskippedSumsBestFirstTiesToTheLowerItemAndStartsAgainFromZero() {
        ItemSums sums = new ItemSums(1000);
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            boolean[] skip = new boolean[1000];
            for (int s = 0; s < 100; s++) {
                skip[random.nextInt(1000)] = true;
            }
            TreeMap<Integer, Float> expected = new TreeMap<>();
            for (int a = 0; a < 500; a++) {
                int item = random.nextInt(1000);
                // A coarse grid of values, so that many sums tie.
                float value = (random.nextInt(8) - 2) * 0.25f;
                sums.add(item, value);
                expected.merge(item, value, (x, y) -> x + y);   // in call order
            }
            assertThat(sums.size()).isEqualTo(expected.size());
            int k = round % 4 == 0 ? 0 : 1 + random.nextInt(400);
            int[] reference = expected.entrySet().stream()
                    .filter(e -> e.getValue() > 0 && !skip[e.getKey()])
                    .sorted(Comparator.comparing(Map.Entry<Integer, Float>::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(k).mapToInt(Map.Entry::getKey).toArray();
            int[] out = new int[3 + k];
            Arrays.fill(out, -1);
            int end = sums.drainTop(k, skip, out, 3);
            assertThat(end).isEqualTo(3 + reference.length);
            assertThat(Arrays.copyOfRange(out, 3, end)).as("round " + round + ", k " + k).containsExactly(reference);
            assertThat(Arrays.copyOfRange(out, 0, 3)).containsOnly(-1);
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
        sums.add(2, 0.25f);
        int[] out = new int[10];
        assertThat(sums.drainTop(10, new boolean[10], out, 0)).isEqualTo(2);
        assertThat(Arrays.copyOf(out, 2)).containsExactly(7, 2);
        sums.add(5, 1f);
        assertThat(sums.drainTop(10, new boolean[10], out, 0)).isEqualTo(1);
        assertThat(out[0]).isEqualTo(5);
    }
}
