package dev.m6rec.plugins.dl4j.sasrec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Baselines;
import dev.m6rec.plugins.dl4j.SequenceData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SasRecModelTest {
    private static final SequenceData DATA = new SequenceData(200, 6, 10, 9, 0.9, 11);
    private static final RecordingPluginContext CONTEXT = new RecordingPluginContext(42, "interest");
    private static final InterestModel SASREC = fit(section(), CONTEXT);

    private static Map<String, Object> section() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("hidden", 16);
        section.put("length", 6);
        section.put("epochs", 30);
        section.put("batch-size", 32);
        section.put("learning-rate", 0.01);
        section.put("dropout", 0.1);
        return section;
    }

    private static InterestModel fit(Map<String, Object> section, RecordingPluginContext context) {
        InterestModel model = Sections.create(new SasRecFactory(), "interest", section, context);
        model.fit(DATA.training());
        return model;
    }

    @Test
    void learnsPlantedSequencesFarBetterThanPopularity() {
        InterestModel popularity = Baselines.popularity();
        popularity.fit(DATA.training());
        double sasrec = DATA.testNdcg(SASREC);
        assertThat(sasrec).isGreaterThan(DATA.testNdcg(popularity) + 0.3);
    }

    @Test
    void reportsLossValidationAndSpeedAndKeepsTheBestEpoch() {
        assertThat(CONTEXT.messages).first().asString()
                .matches("epoch 1: loss \\d\\.\\d{4}, ndcg@10 0\\.\\d{4}, [\\d,]+ users/s");
        assertThat(CONTEXT.messages).anyMatch(line -> line.matches("interest: kept epoch \\d+ \\(ndcg@10 0\\.\\d{4}\\)"));
    }

    @Test
    void aFreshEventChangesTheNextItemAtOnce() {
        // Real-time: append two chained events to the history; their successor should rank near the top.
        int[] expected = new int[1];
        int[] history = DATA.withTwoChainedEvents(DATA.profile(5).history(), expected);
        assertThat(DATA.topUnseen(SASREC, 5, history, 3)).contains(expected[0]);
    }

    @Test
    void anUnknownUserIsScoredFromTheSequenceAndAnEmptyHistoryStillGetsScores() {
        assertThat(DATA.topUnseen(SASREC, -1, new int[] {40, 41, 42}, 3)).contains(43);
        float[] scores = new float[DATA.numItems];
        SASREC.scoreAll(UserProfile.of(-1, new int[] {40, 41, 42}, null, new float[0]), scores);
        float[] empty = new float[DATA.numItems];
        SASREC.scoreAll(UserProfile.of(-1, new int[0], null, new float[0]), empty);
        for (float s : empty) {
            assertThat(s).isFinite();
        }
        float[] some = new float[3];
        SASREC.score(UserProfile.of(-1, new int[] {40, 41, 42}, null, new float[0]), new int[] {43, 0, 7}, some);
        // one dot product each, against scoreAll's matrix-vector product: the same up to summation order
        assertThat(some).containsExactly(new float[] {scores[43], scores[0], scores[7]}, within(1e-4f));
    }

    @Test
    void saveThenLoadReproducesScoresBitForBitAndRefusesAMismatchOrNonFiniteValues() {
        MemoryArtifacts artifacts = new MemoryArtifacts("memory/interest");
        SASREC.save(artifacts);
        assertThat(artifacts.files).containsOnlyKeys("sasrec-shape.i64", "sasrec-parameters.f32");
        InterestModel loaded = Sections.create(new SasRecFactory(), "interest", section(),
                new RecordingPluginContext(7, "interest"));
        loaded.load(artifacts, DATA.inputs);
        for (UserProfile user : List.of(DATA.profile(0), DATA.profile(33), UserProfile.of(-1, new int[] {3}, null, new float[0]))) {
            float[] before = new float[DATA.numItems];
            float[] after = new float[DATA.numItems];
            SASREC.scoreAll(user, before);
            loaded.scoreAll(user, after);
            assertThat(after).containsExactly(before);
        }
        Map<String, Object> wider = section();
        wider.put("hidden", 8);
        assertThatThrownBy(() -> Sections.create(new SasRecFactory(), "interest", wider,
                new RecordingPluginContext(7, "interest")).load(artifacts, DATA.inputs))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/sasrec-shape.i64: trained with hidden 16, blocks 2, length 6;"
                        + " the configuration says 8, 2, 6");
        float[] values = artifacts.readFloats("sasrec-parameters.f32");
        values[17] = Float.NaN;
        artifacts.files.remove("sasrec-parameters.f32");
        artifacts.writeFloats("sasrec-parameters.f32", values);
        assertThatThrownBy(() -> Sections.create(new SasRecFactory(), "interest", section(),
                new RecordingPluginContext(7, "interest")).load(artifacts, DATA.inputs))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/interest/sasrec-parameters.f32: value 17 is not finite (NaN)");
    }

    @Test
    void sameSeedSameModel() {
        Map<String, Object> section = section();
        section.put("epochs", 2);
        InterestModel first = fit(section, new RecordingPluginContext(5, "interest"));
        InterestModel second = fit(section, new RecordingPluginContext(5, "interest"));
        float[] a = new float[DATA.numItems];
        float[] b = new float[DATA.numItems];
        first.scoreAll(DATA.profile(8), a);
        second.scoreAll(DATA.profile(8), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void concurrentScoringEqualsSequentialScoring() throws Exception {
        ConcurrentScoring.assertMatchesSequential(SASREC, DATA::profile, 40, DATA.numItems);
    }

    @Test
    void validation() {
        SasRecFactory factory = new SasRecFactory();
        SasRecSettings defaults = Sections.bind(factory, "interest", Map.of());
        assertThat(defaults.hidden()).isEqualTo(64);
        assertThat(defaults.blocks()).isEqualTo(2);
        assertThat(defaults.length()).isEqualTo(100);
        assertThat(defaults.dropout()).isEqualTo(0.5);
        assertThat(defaults.learningRate()).isEqualTo(0.002);
        assertThat(Sections.problems(factory, "interest", Map.of("hidden", 0, "dropout", 1.0))).containsExactlyInAnyOrder(
                "interest.dropout: must be < 1 (was 1)", "interest.hidden: must be > 0 (was 0)");
    }
}
