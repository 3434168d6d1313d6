package dev.m6rec.plugins.dl4j.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.TitledCategoryData;
import dev.m6rec.plugins.dl4j.train.TrainedFlags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The fused kernel computes DL4J's loss, gradients and Adam step on the same parameters and rows. */
class CaserKernelTest {
    /** 12 users, 18 items of 3 categories (one cold item each, scored by its title alone). */
    private static final TitledCategoryData DATA = new TitledCategoryData(12, 3, 6, 1, 7, 0.8, 3);
    /** Rows 1..25 of the examples: the first and last training windows are cut by the batch. */
    private static final int START = 1;
    private static final int ROWS = 25;

    private record Setup(CaserSettings settings, ItemTokens tokens, CaserExamples examples, ComputationGraph net,
                         CaserBatch batch) {
    }

    private static Setup setup(boolean text, int verticalFilters, double dropout, double weightDecay) {
        Nd4jRuntime.configure(1);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("embedding", 4);
        section.put("length", 3);
        section.put("heights", List.of(1, 2, 3));
        section.put("horizontal-filters", 3);
        section.put("vertical-filters", verticalFilters);
        section.put("negatives", 2);
        section.put("id-dropout", 0.2);
        section.put("dropout", dropout);
        section.put("weight-decay", weightDecay);
        section.put("learning-rate", 0.01);
        if (text) {
            section.put("text", Map.of("field", "title", "tokens", 4, "widths", List.of(1, 2), "filters", 3,
                    "word-embedding", 3, "min-count", 1));
        }
        CaserSettings settings = Sections.bind(new CaserFactory(), "interest", section);
        Interactions train = DATA.split.train();
        CaserShape shape = new CaserShape(DATA.numUsers, DATA.numItems);
        boolean[] trainedItems = TrainedFlags.of(train.byItem().offsets());
        ItemTokens tokens = text ? ItemTokens.build(DATA.split.dataset().attributes(EntityKind.ITEM), settings.text(),
                "interest.text.field") : null;
        ComputationGraph net = new ComputationGraph(CaserNetwork.configuration(settings, shape,
                text ? tokens.vocabularySize() : 0, 17));
        net.init();
        CaserExamples examples = new CaserExamples(train, shape, settings.length(), 2, 0.2, trainedItems);
        examples.resample(new SplittableRandom(9));
        CaserBatch batch = new CaserBatch(ROWS, settings.length(), tokens);
        batch.fill(examples, START);
        return new Setup(settings, tokens, examples, net, batch);
    }

    @ParameterizedTest
    @CsvSource({"false, 2, 0", "false, 0, 0", "true, 2, 0", "true, 0, 0", "true, 2, 1e-7", "false, 0, 1e-7"})
    void lossAndGradientsOfEveryParameterMatchDl4j(boolean text, int verticalFilters, double dropout) {
        // A dropout of 1e-7 keeps every input in practice, but takes the per-row (unshared) path with masks.
        Setup s = setup(text, verticalFilters, dropout, 0.0);
        assertThat(s.examples().targetItems).as("cold items are targets (padding row plus words)")
                .containsAnyOf(0, 6, 12);
        CaserKernel kernel = new CaserKernel(s.settings(), CaserParameters.of(s.net()), s.tokens(), ROWS);
        kernel.gradients(s.examples(), START, ROWS, new SplittableRandom(1));

        s.net().setInputs(s.batch().inputs());
        s.net().setLabels(s.batch().labels());
        s.net().computeGradientAndScore();
        assertThat(kernel.takeLoss()).isCloseTo(s.net().score(), within(1e-5));
        Gradient expected = s.net().gradient();
        int compared = 0;
        for (String name : s.net().paramTable().keySet()) {
            // DL4J's gradient is a sum over the batch; its updater divides by the batch size (miniBatch).
            float[] want = expected.getGradientFor(name).div(ROWS).dup('c').data().asFloat();
            float[] got = kernel.gradientOf(name);
            assertThat(got).as(name).hasSize(want.length);
            double norm = 0;
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).as(name + "[" + i + "]").isCloseTo(want[i], within(1e-6f + 1e-3f * Math.abs(want[i])));
                norm += Math.abs(want[i]);
            }
            assertThat(norm).as(name + " has a gradient").isGreaterThan(0);
            compared++;
        }
        int expectedParameters = 4 + 2 * 3 + (verticalFilters > 0 ? 2 : 0) + 2 + 2 + (text ? 1 + 2 * 2 + 2 : 0);
        assertThat(compared).isEqualTo(expectedParameters);
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void oneAdamStepWithWeightDecayMatchesDl4jFitExceptOnUntouchedEmbeddingRows(boolean text) {
        Setup s = setup(text, 2, 0, 0.05);
        CaserParameters before = CaserParameters.of(s.net());
        CaserKernel kernel = new CaserKernel(s.settings(), CaserParameters.of(s.net()), s.tokens(), ROWS);
        kernel.gradients(s.examples(), START, ROWS, new SplittableRandom(1));
        Map<String, float[]> gradients = new LinkedHashMap<>();
        for (String name : before.names()) {
            gradients.put(name, kernel.gradientOf(name));
        }
        kernel.step(s.examples(), START, ROWS, new SplittableRandom(1));
        s.net().fit(s.batch().inputs(), s.batch().labels());
        CaserParameters fitted = CaserParameters.of(s.net());
        // Each step takes learning-rate * weight-decay off every weight (once: see WeightDecayOnce).
        float lrDecay = 0.01f * 0.05f;
        int untouched = 0;
        for (String name : before.names()) {
            float[] start = before.get(name);
            float[] want = fitted.get(name);
            float[] got = kernel.parameters().get(name);
            float[] gradient = gradients.get(name);
            long[] shape = before.shape(name);
            boolean table = name.endsWith("embedding_W") || name.equals("target-bias_W") || name.equals("text-words_W");
            int width = (int) shape[shape.length - 1];
            for (int i = 0; i < want.length; i++) {
                if (table && rowIsZero(gradient, i / width, width)) {
                    // Lazy Adam leaves a row outside the batch alone; DL4J's dense step only decays it. (A row
                    // in the batch whose gradient happens to be 0 decays in both.)
                    assertThat(want[i]).isCloseTo(start[i] * (1 - lrDecay), within(1e-6f));
                    assertThat(Math.min(Math.abs(got[i] - start[i]), Math.abs(got[i] - want[i])))
                            .as(name + "[" + i + "] untouched").isLessThan(1e-6f);
                    untouched += got[i] == start[i] && Math.abs(start[i]) > 1e-2f ? 1 : 0;
                } else if (Math.abs(gradient[i]) > 1e-6f || gradient[i] == 0f) {
                    // Adam's first step is about lr * sign(gradient): a gradient near 0 may flip sign on rounding.
                    assertThat(got[i]).as(name + "[" + i + "]").isCloseTo(want[i], within(2e-5f));
                }
            }
        }
        assertThat(untouched).as("some embedding rows sat the batch out").isGreaterThan(0);
    }

    @ParameterizedTest
    @CsvSource({"2", "0"})
    void theScorersStateForwardEqualsTheGraphsStateOutputs(int verticalFilters) {
        Setup s = setup(false, verticalFilters, 0, 0.0);
        CaserStateForward forward = new CaserStateForward(s.settings(), CaserParameters.of(s.net()));
        INDArray[] inputs = s.batch().inputs();
        INDArray[] outputs = s.net().output(List.of(CaserNetwork.SEQUENCE_STATE, CaserNetwork.USER_EMBEDDING), false,
                inputs, null);
        int length = s.settings().length();
        for (int r = 0; r < ROWS; r++) {
            float[] sequence = new float[length];
            for (int t = 0; t < length; t++) {
                sequence[t] = inputs[0].getFloat(r, t);
            }
            float[] state = forward.state(sequence, (int) inputs[1].getFloat(r, 0));
            for (int k = 0; k < 4; k++) {
                assertThat(state[k]).isCloseTo(outputs[0].getFloat(r, k), within(1e-5f));
                assertThat(state[4 + k]).isEqualTo(outputs[1].getFloat(r, k));
            }
        }
    }

    private static boolean rowIsZero(float[] values, int row, int width) {
        for (int k = row * width; k < (row + 1) * width; k++) {
            if (values[k] != 0f) {
                return false;
            }
        }
        return true;
    }
}

