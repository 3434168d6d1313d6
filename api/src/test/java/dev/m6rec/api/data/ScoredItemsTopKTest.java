package dev.m6rec.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoredItemsTopKTest {

    @Test
    void tiesBreakTowardsTheLowerIndex() {
        float[] scores = {1f, 3f, 3f, 2f, 3f, 2f};

        ScoredItems top = ScoredItems.topK(scores, 4, null);

        assertThat(top.items()).containsExactly(1, 2, 4, 3);
        assertThat(top.scores()).containsExactly(3f, 3f, 3f, 2f);
    }

    @Test
    void kBeyondTheRowReturnsTheWholeRowBestFirstWithoutExcludedOrNaN() {
        float[] scores = {0.5f, Float.NaN, -1f, 0.5f, 7f};
        boolean[] excluded = {false, false, false, false, true};

        ScoredItems top = ScoredItems.topK(scores, 50, excluded);

        assertThat(top.items()).containsExactly(0, 3, 2);
        assertThat(top.scores()).containsExactly(0.5f, 0.5f, -1f);
        assertThat(ScoredItems.topK(scores, 0, null).size()).isZero();
    }

    @Test
    void aRowOfABlockIsRankedInPlaceWithRowLocalIndexes() {
        // Two rows of four items; the second row's excluded item 0 is its own, not the block's.
        float[] block = {9f, 9f, 9f, 9f, 4f, 1f, 4f, 3f};
        boolean[] excluded = {true, false, false, false};

        ScoredItems top = ScoredItems.topK(block, 4, 4, 3, excluded);

        assertThat(top.items()).containsExactly(2, 3, 1);
        assertThat(top.scores()).containsExactly(4f, 3f, 1f);
        assertThat(ScoredItems.topK(block, 4, 4, 9, null).items()).containsExactly(0, 2, 3, 1);
    }

    @Test
    void aRowOutsideTheArrayIsRefused() {
        assertThatThrownBy(() -> ScoredItems.topK(new float[8], 6, 4, 3, null))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("row [6, 6 + 4) of 8 scores");
    }

    @Test
    void pairsGatheredInAnyOrderTieTowardsTheLowerItemNotTheLowerPosition() {
        int[] items = {40, 7, 12, 3, 99, 5};
        float[] scores = {2f, 3f, Float.NaN, 3f, 2f, 1f};

        ScoredItems top = ScoredItems.topK(items, scores, 5, 3);   // the sixth pair is past the length

        assertThat(top.items()).containsExactly(3, 7, 40);
        assertThat(top.scores()).containsExactly(3f, 3f, 2f);
        assertThat(ScoredItems.topK(items, scores, 6, 50).items()).containsExactly(3, 7, 40, 99, 5);
        assertThatThrownBy(() -> ScoredItems.topK(items, scores, 7, 1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("7 pairs of 6 items and 6 scores");
    }
}
