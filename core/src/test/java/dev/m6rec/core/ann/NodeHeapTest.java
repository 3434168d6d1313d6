package dev.m6rec.core.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NodeHeapTest {
    @Test
    void popsInKeyOrderWithTheHigherNodeFirstOnEqualKeysAndGrowsPastItsCapacity() {
        SplittableRandom random = new SplittableRandom(5);
        NodeHeap heap = new NodeHeap(2);
        List<long[]> pushed = new ArrayList<>();
        for (int node = 0; node < 300; node++) {
            float key = (random.nextInt(20) - 10) * 0.5f;   // many equal keys, of both signs
            if (key == 0f && random.nextBoolean()) {
                key = -0f;   // equal to 0, as < has it
            }
            heap.push(node, key);
            pushed.add(new long[] {Float.floatToIntBits(key), node});
        }
        pushed.sort(Comparator.<long[]>comparingDouble(e -> Float.intBitsToFloat((int) e[0]) + 0.0).thenComparing(e -> -e[1]));
        assertThat(heap.size()).isEqualTo(300);
        for (long[] expected : pushed) {
            assertThat(heap.topKey() == Float.intBitsToFloat((int) expected[0])).as("key").isTrue();
            assertThat(heap.pop()).isEqualTo((int) expected[1]);
        }
        assertThat(heap.size()).isZero();
    }

    @Test
    void replacingTheTopKeepsTheHeapOrdered() {
        NodeHeap heap = new NodeHeap(4);
        heap.push(1, 1f);
        heap.push(2, 2f);
        heap.push(3, 3f);
        heap.replaceTop(4, 2.5f);   // drops node 1
        assertThat(heap.pop()).isEqualTo(2);
        assertThat(heap.pop()).isEqualTo(4);
        assertThat(heap.pop()).isEqualTo(3);
    }
}
