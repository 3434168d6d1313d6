package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.plugins.dl4j.CoOccurrenceSimilarity;
import dev.m6rec.plugins.dl4j.SyntheticData;
import org.junit.jupiter.api.Test;

/**
 * The serving path's kNN scores (the history marked in a bit set) equal the training path's
 * (a stamp per item), over a catalogue wider than one 64-bit word.
 */
class NeighbourScoresTest {
    @Test
    void scoresForAHistoryEqualTheTrainingPathsScores() {
        SyntheticData data = new SyntheticData(80, 150, 3, 15, 4);
        NeighbourScores neighbours = NeighbourScores.fetch(new CoOccurrenceSimilarity(data.split.train()),
                data.numItems, 10);
        int[] history = data.split.train().byUser().row(3);
        int[] marks = new int[data.numItems];
        for (int item : history) {
            marks[item] = 7;
        }
        int[] items = new int[data.numItems];
        for (int i = 0; i < items.length; i++) {
            items[i] = data.numItems - 1 - i;
        }
        float[] scores = neighbours.scores(history, items);
        int positive = 0;
        for (int k = 0; k < items.length; k++) {
            assertThat(scores[k]).as("item " + items[k]).isEqualTo(neighbours.score(items[k], marks, 7));
            positive += scores[k] > 0 ? 1 : 0;
        }
        assertThat(positive).as("items near the history score above 0").isGreaterThan(10);
        assertThat(neighbours.scores(new int[0], items)).containsOnly(0f);
    }
}
