package dev.m6rec.plugins.dl4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ItemSubsetTest {
    @Test
    void picksTheChosenItemsScoresInTheirOrder() {
        float[] out = new float[3];
        ItemSubset.gather(new float[] {0.5f, -1f, 2f, 7f}, new int[] {3, 0, 3}, out);
        assertThat(out).containsExactly(7f, 0.5f, 7f);
    }

    @Test
    void anItemOutsideTheCatalogueOrALengthMismatchIsABug() {
        assertThatThrownBy(() -> ItemSubset.gather(new float[4], new int[] {4}, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("item index 4 outside 0..3");
        assertThatThrownBy(() -> ItemSubset.gather(new float[4], new int[] {1, 2}, new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("items and out differ in length");
    }
}
