package dev.m6rec.plugins.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.Interactions;
import org.junit.jupiter.api.Test;

class InteractionColumnsTest {

    @Test
    void keepsEveryRowAcrossChunks() {
        InteractionColumns columns = new InteractionColumns(true, true);
        int n = 200_001;
        for (int r = 0; r < n; r++) {
            columns.add(r % 7, r % 11, r % 5 + 0.5f, 1000L + r);
        }
        Interactions all = columns.build(7, 11);
        assertThat(all.size()).isEqualTo(n);
        for (int r : new int[] {0, 16_383, 16_384, 65_536, n - 1}) {
            assertThat(all.user(r)).isEqualTo(r % 7);
            assertThat(all.item(r)).isEqualTo(r % 11);
            assertThat(all.rating(r)).isEqualTo(r % 5 + 0.5f);
            assertThat(all.timestamp(r)).isEqualTo(1000L + r);
        }
    }

    @Test
    void leavesOutAbsentColumns() {
        InteractionColumns columns = new InteractionColumns(false, false);
        columns.add(0, 1, 4f, 99L);
        Interactions all = columns.build(1, 2);
        assertThat(all.hasRatings()).isFalse();
        assertThat(all.hasTimestamps()).isFalse();
        assertThat(all.rating(0)).isEqualTo(1f);
        assertThat(all.item(0)).isEqualTo(1);
    }
}
