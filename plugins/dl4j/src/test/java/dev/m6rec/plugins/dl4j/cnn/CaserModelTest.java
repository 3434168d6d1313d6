package dev.m6rec.plugins.dl4j.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Baselines;
import dev.m6rec.plugins.dl4j.SequenceData;
import dev.m6rec.plugins.dl4j.mlp.MlpFactory;
import dev.m6rec.plugins.dl4j.train.Engine;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaserModelTest {
    private static final SequenceData DATA = new SequenceData(200, 6, 10, 9, 0.9, 11);
    private static final RecordingPluginContext CONTEXT = new RecordingPluginContext(42, "interest");
    private static final CaserModel CNN = (CaserModel) fit(new CaserFactory(), cnnSection(), CONTEXT);

    static Map<String, Object> cnnSection() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("embedding", 16);
        section.put("length", 3);
        section.put("horizontal-filters", 8);
        section.put("vertical-filters", 2);
        section.put("epochs", 6);
        section.put("batch-size", 256);
        section.put("learning-rate", 0.01);
        return section;
    }

    static <S extends Record> InterestModel fit(InterestModelFactory<S> factory, Map<String, Object> section,
                                                RecordingPluginContext context) {
        InterestModel model = Sections.create(factory, "interest", section, context);
        model.fit(DATA.training());
        return model;
    }

    @Test
    void learnsPlantedSequencesBetterThanMlpAndPopularity() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(DATA.training());
        Map<String, Object> mlpSection = new LinkedHashMap<>(Map.of("embedding", 16, "hidden", List.of(32, 16),
                "epochs", 12, "learning-rate", 0.01, "loss", Map.of("rating", 0.0)));
        InterestModel mlp = fit(new MlpFactory(), mlpSection, new RecordingPluginContext(42, "interest"));
        double cnn = DATA.testNdcg(CNN);
        assertThat(cnn).isGreaterThan(DATA.testNdcg(mlp) + 0.2).isGreaterThan(DATA.testNdcg(popularity) + 0.3);
    }

    @Test
    void dl4jGraphEngineTrainsTheSameNetworkToComparableLossesAndQuality() {
        // DL4J's own fit loop and the fused kernel start from the same parameters and see the same
        // rows; they differ in the embedding tables' Adam (dense vs lazy) and in rounding.
        Map<String, Object> section = cnnSection();
        section.put("engine", "graph");
        RecordingPluginContext graphContext = new RecordingPluginContext(42, "interest");
        InterestModel graph = fit(new CaserFactory(), section, graphContext);
        for (int epoch = 0; epoch < 2; epoch++) {
            assertThat(loss(CONTEXT.messages.get(epoch))).isCloseTo(loss(graphContext.messages.get(epoch)), within(0.01));
        }
        assertThat(DATA.testNdcg(CNN)).isGreaterThan(DATA.testNdcg(graph) - 0.05);
    }

    private static double loss(String progressLine) {
        Matcher m = Pattern.compile("next-item loss (\\d\\.\\d+)").matcher(progressLine);
        assertThat(m.find()).as(progressLine).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void reportsLossValidationAndSpeed() {
        assertThat(CONTEXT.messages).first().asString()
                .matches("epoch 1: next-item loss \\d\\.\\d{4}, ndcg@10 0\\.\\d{4}, [\\d,]+ samples/s");
    }

    @Test
    void aFreshEventChangesTheNextItemAtOnce() {
        // Real-time: append two chained events to the history; their successor should rank near the top.
        int[] expected = new int[1];
        int[] history = DATA.withTwoChainedEvents(DATA.profile(5).history(), expected);
        assertThat(DATA.topUnseen(CNN, 5, history, 5)).contains(expected[0]);
    }

    @Test
    void anUnknownUserIsScoredFromTheSequence() {
        assertThat(DATA.topUnseen(CNN, -1, new int[] {40, 41, 42}, 3)).contains(43);
    }

    @Test
    void saveThenLoadReproducesScoresBitForBit() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        CNN.save(artifacts);
        assertThat(artifacts.files).containsOnlyKeys("cnn-shape.i64", "network.json", "params.f32",
                "trained-users.i32", "trained-items.i32");
        InterestModel loaded = Sections.create(new CaserFactory(), "interest", cnnSection(),
                new RecordingPluginContext(7, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : List.of(DATA.profile(0), DATA.profile(33), UserProfile.of(-1, new int[] {3}, null, new float[0]))) {
            float[] before = new float[DATA.numItems];
            float[] after = new float[DATA.numItems];
            CNN.scoreAll(user, before);
            loaded.scoreAll(user, after);
            assertThat(after).containsExactly(before);
        }
        byte[] params = artifacts.files.get("params.f32");
        artifacts.files.put("params.f32", Arrays.copyOf(params, 100));
        assertThatThrownBy(() -> Sections.create(new CaserFactory(), "interest", cnnSection(),
                new RecordingPluginContext(7, "interest")).load(artifacts, DATA.inputs))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/interest/params.f32: truncated");
    }

    @Test
    void sameSeedSameModel() {
        Map<String, Object> section = new LinkedHashMap<>(cnnSection());
        section.put("epochs", 2);
        section.put("dropout", 0.2);   // the dropout masks are seeded too
        InterestModel first = fit(new CaserFactory(), section, new RecordingPluginContext(5, "interest"));
        InterestModel second = fit(new CaserFactory(), section, new RecordingPluginContext(5, "interest"));
        float[] a = new float[DATA.numItems];
        float[] b = new float[DATA.numItems];
        first.scoreAll(DATA.profile(8), a);
        second.scoreAll(DATA.profile(8), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        ConcurrentScoring.assertMatchesSequential(CNN, u -> DATA.profile(u), 40, DATA.numItems);
    }

    @Test
    void validation() {
        CaserFactory factory = new CaserFactory();
        assertThat(Sections.problems(factory, "interest",
                Map.of("length", 2, "heights", List.of(1, 3), "negatives", 0))).containsExactly(
                "interest.heights[1]: must be <= length 2 (was 3)", "interest.negatives: must be > 0 (was 0)");
        CaserSettings defaults = Sections.bind(factory, "interest", Map.of());
        assertThat(defaults.embedding()).isEqualTo(32);
        assertThat(defaults.length()).isEqualTo(5);
        assertThat(defaults.heights()).containsExactly(1, 2, 3);
        assertThat(defaults.horizontalFilters()).isEqualTo(16);
        assertThat(defaults.verticalFilters()).isEqualTo(4);
        assertThat(defaults.training().negatives()).isEqualTo(3);
        assertThat(defaults.engine()).isEqualTo(Engine.FUSED);
        assertThat(Sections.problems(factory, "interest", Map.of("engine", "gpu")))
                .containsExactly("interest.engine: must be one of [fused, graph] (was 'gpu')");
    }
}
