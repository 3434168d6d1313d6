package dev.m6rec.core.ann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VisitedNodesTest {
    @Test
    void addSaysWhetherANodeIsNewUntilCleared() {
        VisitedNodes visited = new VisitedNodes(5_000);
        Set<Integer> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            int node = random.nextInt(5_000);   // node 0 and repeats included
            assertThat(visited.add(node)).isEqualTo(reference.add(node));
        }
        visited.clear();
        assertThat(visited.add(0)).isTrue();
        assertThat(visited.add(0)).isFalse();
        assertThat(visited.add(4_999)).isTrue();
    }
}
