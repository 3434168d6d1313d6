package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.CoOccurrenceSimilarity;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.SyntheticData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused kernel on several threads (data-parallel blocks of each batch's rows, gradients
 * summed): the same gradients as on one thread up to the rounding of the sums, dropout masks
 * drawn in the same order, and the same parameters from run to run at a given thread count.
 */
class MlpKernelThreadsTest {
    private static final SyntheticData DATA = new SyntheticData(60, 40, 3, 12, 5);
    /** Rows of the batch: not a multiple of 2 or 3, so the last block is shorter. */
    private static final int ROWS = 101;
    /** Absolute and relative tolerance of a summed gradient against the one-thread sum (float32 rounding). */
    private static final float ABSOLUTE = 1e-6f;
    private static final float RELATIVE = 1e-4f;

    private final MlpSettings settings = Sections.bind(new MlpFactory(), "interest", Map.of("embedding", 6,
            "hidden", List.of(10, 5), "dropout", 0.3, "negatives", 2, "id-dropout", 0.1,
            "loss", Map.of("click", 0.6, "rating", 0.4)));
    private final Interactions train = DATA.split.train();
    private final MlpShape shape = new MlpShape(DATA.numUsers, DATA.numItems, DATA.inputs.userFeatures().columns(),
            DATA.inputs.itemFeatures().columns(), true, true, true, true);
    private final ComputationGraph net = network();
    private final MlpExamples examples = examples();

    private ComputationGraph network() {
        Nd4jRuntime.configure(1);
        ComputationGraph graph = new ComputationGraph(MlpNetwork.configuration(settings, shape, 11));
        graph.init();
        MlpParameters.initColdHead(graph, train.itemCounts(), DATA.inputs.itemFeatures());
        return graph;
    }

    private MlpExamples examples() {
        boolean[] all = new boolean[Math.max(DATA.numUsers, DATA.numItems)];
        Arrays.fill(all, true);
        NeighbourScores neighbours = NeighbourScores.fetch(new CoOccurrenceSimilarity(train), DATA.numItems, 5);
        MlpExamples made = new MlpExamples(train, shape, 2, 3f, 0.1, true, neighbours, all, all);
        made.resample(new SplittableRandom(3));
        return made;
    }

    private MlpKernel kernel(int threads) {
        return new MlpKernel(settings, shape, MlpParameters.of(settings, shape, net), train.byUser(), ROWS, threads);
    }

    private static List<String> parameterNames() {
        return List.of("user-embedding_W", "item-embedding_W", "hidden-0_W",
                "hidden-0_b", "hidden-1_W", "hidden-1_b", "click_W", "click_b", "rating_W", "rating_b",
                MlpNetwork.HISTORY + "_W", "cold-user-vector_W", "cold-items_W", "cold-items_b",
                "cold-item-features_W");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void gradientsOnSeveralThreadsEqualTheOneThreadGradients(int threads) {
        try (MlpKernel one = kernel(1); MlpKernel several = kernel(threads)) {
            one.gradients(examples, 7, ROWS, DATA.inputs.userFeatures(), DATA.inputs.itemFeatures(),
                    new SplittableRandom(1));
            several.gradients(examples, 7, ROWS, DATA.inputs.userFeatures(), DATA.inputs.itemFeatures(),
                    new SplittableRandom(1));
            double total = 0;
            for (String name : parameterNames()) {
                float[] want = one.gradientOf(name);
                float[] got = several.gradientOf(name);
                assertThat(got).as(name).hasSameSizeAs(want);
                for (int i = 0; i < want.length; i++) {
                    total += Math.abs(want[i]);
                    assertThat(got[i]).as(name + "[" + i + "]")
                            .isCloseTo(want[i], within(ABSOLUTE + RELATIVE * Math.abs(want[i])));
                }
            }
            assertThat(total).as("the gradients are not all zero").isGreaterThan(0.1);
            // The forward pass's products over a block of rows round a little differently too.
            assertThat(several.takeLosses()).containsExactly(one.takeLosses(), within(1e-6));
        }
    }

    @Test
    void twoThreadsTrainTheSameParametersEveryRunAndCloseToOneThread() {
        float[][] first = train(2);
        float[][] again = train(2);
        float[][] single = train(1);
        for (int p = 0; p < first.length; p++) {
            assertThat(again[p]).as("parameter array " + p).containsExactly(first[p]);
            for (int i = 0; i < first[p].length; i++) {
                assertThat(first[p][i]).as("parameter array " + p + "[" + i + "]")
                        .isCloseTo(single[p][i], within(1e-4f + 1e-3f * Math.abs(single[p][i])));
            }
        }
        assertThat(Arrays.equals(first[0], MlpParameters.of(settings, shape, net).userTable))
                .as("training moved the user table").isFalse();
    }

    /** Five steps of ROWS rows from the same start; the trained tables and weights. */
    private float[][] train(int threads) {
        try (MlpKernel kernel = kernel(threads)) {
            SplittableRandom dropout = new SplittableRandom(9);
            for (int s = 0; s < 5; s++) {
                kernel.step(examples, s * ROWS, ROWS, DATA.inputs.userFeatures(), DATA.inputs.itemFeatures(), dropout);
            }
            MlpParameters p = kernel.parameters();
            return new float[][] {p.userTable.clone(), p.itemTable.clone(), p.historyTable.clone(),
                    p.weights[0].clone(), p.weights[1].clone(), p.biases[0].clone(), p.headWeights.clone(),
                    p.headBias.clone()};
        }
    }
}
