package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.CoOccurrenceSimilarity;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The fused kernel and scorer compute what DL4J's graph computes, on the same parameters. */
class MlpKernelTest {
    private static final int USERS = 5;
    private static final int ITEMS = 7;

    @ParameterizedTest
    @CsvSource({"relu, true, true, true", "tanh, true, false, true", "elu, false, true, false",
            "leaky-relu, true, true, false", "sigmoid, false, false, true", "relu, false, false, false"})
    void gradientsAndOutputsMatchDl4j(String activation, boolean history, boolean neighbourhood, boolean cold) {
        Nd4jRuntime.configure(1);
        MlpSettings settings = Sections.bind(new MlpFactory(), "interest", Map.of("embedding", 4,
                "hidden", List.of(6, 5), "activation", activation, "id-dropout", 0.0, "dropout", 0.0, "negatives", 2,
                "history", history, "loss", Map.of("click", 0.7, "rating", 0.3)));
        MlpShape shape = new MlpShape(USERS, ITEMS, 2, 3, true, true, neighbourhood, cold);
        ComputationGraph net = new ComputationGraph(MlpNetwork.configuration(settings, shape, 11));
        net.init();
        SplittableRandom rng = new SplittableRandom(5);
        Interactions.Builder b = Interactions.builder(USERS, ITEMS, true, false);
        // Users 0 and 2 have several items, so their pooled histories differ from row to row.
        b.add(0, 1, 4, 0).add(0, 4, 2, 0).add(0, 5, 5, 0).add(1, 2, 2, 0).add(2, 3, 5, 0).add(2, 0, 3, 0)
                .add(3, 1, 1, 0).add(4, 6, 3, 0);
        Interactions train = b.build();
        FeatureMatrix userFeatures = random(USERS, 2, rng);
        FeatureMatrix itemFeatures = random(ITEMS, 3, rng);
        if (cold) {
            MlpParameters.setItemFeatures(net, itemFeatures);
        }
        boolean[] all = {true, true, true, true, true, true, true};
        NeighbourScores neighbours = neighbourhood
                ? NeighbourScores.fetch(new CoOccurrenceSimilarity(train), ITEMS, 3) : null;
        MlpExamples examples = new MlpExamples(train, shape, 2, 3f, 0.0, history, neighbours, all, all);
        examples.resample(new SplittableRandom(3));
        int rows = examples.size;

        MlpKernel kernel = new MlpKernel(settings, shape, MlpParameters.of(settings, shape, net), train.byUser(), rows);
        kernel.gradients(examples, 0, rows, userFeatures, itemFeatures, new SplittableRandom(1));

        MlpBatch batch = new MlpBatch(rows, shape, history);
        batch.fill(examples, 0, userFeatures, itemFeatures);
        net.setInputs(batch.inputs());
        net.setLabels(batch.labels());
        net.setLayerMaskArrays(null, batch.labelMasks());
        net.computeGradientAndScore();
        Gradient expected = net.gradient();
        List<String> names = new java.util.ArrayList<>(List.of("user-embedding_W", "item-embedding_W", "hidden-0_W",
                "hidden-0_b", "hidden-1_W", "hidden-1_b", "click_W", "click_b", "rating_W", "rating_b"));
        if (history) {
            names.add(MlpNetwork.HISTORY + "_W");
        }
        if (cold) {
            names.addAll(List.of("cold-user-vector_W", "cold-items_W", "cold-items_b", "cold-item-features_W"));
        }
        for (String name : names) {
            // DL4J's gradient is a sum over the batch; its updater divides by the batch size (miniBatch).
            float[] want = expected.getGradientFor(name).div(rows).dup('c').data().asFloat();
            float[] got = kernel.gradientOf(name);

            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).as(name + "[" + i + "]").isCloseTo(want[i], within(2e-5f + 1e-3f * Math.abs(want[i])));
            }
        }

        // The fused scorer's heads equal the graph's outputs.
        MlpForward forward = new MlpForward(settings, shape, MlpParameters.of(settings, shape, net), itemFeatures, all);
        int[] items = {0, 1, 2, 3, 4, 5, 6};
        int[] userHistory = train.byUser().row(2);
        int[] marks = new int[ITEMS];
        for (int item : userHistory) {
            marks[item] = 1;
        }
        float[] knn = new float[ITEMS];
        for (int k = 0; neighbourhood && k < ITEMS; k++) {
            knn[k] = neighbours.score(k, marks, 1);
        }
        if (neighbourhood) {
            double total = 0;
            for (float v : knn) {
                total += v;
            }
            assertThat(total).as("the kNN input is exercised").isGreaterThan(0);
        }
        float[] heads = forward.heads(forward.userVector(2, userHistory), userFeatures.row(2),
                neighbourhood ? knn : null, items, 0, items.length);
        float[] column = new float[ITEMS];
        for (int k = 0; k < ITEMS; k++) {
            column[k] = 2;
        }
        float[] itemColumn = {0, 1, 2, 3, 4, 5, 6};
        float[] repeated = new float[ITEMS * 2];
        for (int k = 0; k < ITEMS; k++) {
            System.arraycopy(userFeatures.row(2), 0, repeated, 2 * k, 2);
        }
        float[] pooled = new float[ITEMS * ITEMS];   // every row: the whole history, 1 / sqrt(count) each
        for (int k = 0; k < ITEMS; k++) {
            for (int item : userHistory) {
                pooled[k * ITEMS + item] = (float) (1 / Math.sqrt(userHistory.length));
            }
        }
        List<INDArray> graphInputs = new java.util.ArrayList<>(List.of(
                Nd4j.create(column, new long[] {ITEMS, 1}), Nd4j.create(itemColumn, new long[] {ITEMS, 1})));
        if (history) {
            graphInputs.add(Nd4j.create(pooled, new long[] {ITEMS, ITEMS}));
        }
        graphInputs.add(Nd4j.create(repeated, new long[] {ITEMS, 2}));
        graphInputs.add(Nd4j.create(itemFeatures.data(), new long[] {ITEMS, 3}));
        if (neighbourhood) {
            graphInputs.add(Nd4j.create(knn, new long[] {ITEMS, 1}));
        }
        float[] coldUser = new float[ITEMS * 3];   // user 2's features and the constant 1, on every row
        for (int k = 0; k < ITEMS; k++) {
            System.arraycopy(userFeatures.row(2), 0, coldUser, 3 * k, 2);
            coldUser[3 * k + 2] = 1f;
        }
        if (cold) {
            graphInputs.add(Nd4j.create(coldUser, new long[] {ITEMS, 3}));
        }
        net.clearLayerMaskArrays();
        INDArray[] out = net.output(false, graphInputs.toArray(INDArray[]::new));
        for (int k = 0; k < ITEMS; k++) {
            assertThat(TowerActivation.sigmoid(heads[2 * k])).isCloseTo(out[0].getFloat(k), within(1e-5f));
            assertThat(heads[2 * k + 1]).isCloseTo(out[1].getFloat(k), within(1e-5f));
        }
        if (cold) {
            // The cold-start head's log-probabilities are the log of the graph's softmax.
            float[] logProbabilities = new float[ITEMS];
            forward.coldLogProbabilities(userFeatures.row(2), items, logProbabilities);
            for (int k = 0; k < ITEMS; k++) {
                assertThat((float) Math.exp(logProbabilities[k])).isCloseTo(out[2].getFloat(0, k), within(1e-5f));
            }
        }
    }

    private static FeatureMatrix random(int rows, int columns, SplittableRandom rng) {
        float[] data = new float[rows * columns];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add("f" + c);
        }
        return new FeatureMatrix(rows, names, data);
    }
}
