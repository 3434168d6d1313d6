package dev.m6rec.api.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestModelBlockScoringTest {

    /** Overrides neither scoreAll form: scores depend on the user index and the history. */
    private static final class GatherOnly implements InterestModel {
        @Override
        public void fit(TrainingData data) {
        }

        @Override
        public void score(UserProfile user, int[] items, float[] out) {
            for (int k = 0; k < items.length; k++) {
                out[k] = user.index() * 10f + items[k] + user.history().length * 0.5f;
            }
        }

        @Override
        public void save(ArtifactWriter out) {
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
        }
    }

    @Test
    void defaultBlockEqualsTheSingleUserFormRowByRow() {
        InterestModel model = new GatherOnly();
        List<UserProfile> users = List.of(profile(0, 1, 2), profile(3), profile(-1, 4), profile(7, 0, 0, 1));
        int numItems = 5;
        float[] block = new float[users.size() * numItems];
        Arrays.fill(block, Float.NaN);

        model.scoreAll(users, block);

        for (int u = 0; u < users.size(); u++) {
            float[] single = new float[numItems];
            model.scoreAll(users.get(u), single);
            assertThat(Arrays.copyOfRange(block, u * numItems, (u + 1) * numItems)).containsExactly(single);
        }
        assertThat(Arrays.copyOfRange(block, numItems, 2 * numItems)).containsExactly(30f, 31f, 32f, 33f, 34f);
    }

    @Test
    void emptyBlockWritesNothing() {
        float[] out = {1f, 2f};
        new GatherOnly().scoreAll(List.of(), out);
        assertThat(out).containsExactly(1f, 2f);
    }

    @Test
    void outputThatDoesNotSplitIntoRowsIsRefused() {
        assertThatThrownBy(() -> new GatherOnly().scoreAll(List.of(profile(0), profile(1)), new float[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("5 scores do not split into 2 rows");
    }

    private static UserProfile profile(int index, int... history) {
        return UserProfile.of(index, history, null, new float[0]);
    }
}
