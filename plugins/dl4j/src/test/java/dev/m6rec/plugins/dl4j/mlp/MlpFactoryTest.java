package dev.m6rec.plugins.dl4j.mlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.train.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlpFactoryTest {
    private final MlpFactory factory = new MlpFactory();

    private List<String> problems(Map<String, Object> section) {
        return Sections.problems(factory, "interest", section);
    }

    @Test
    void defaults() {
        MlpSettings s = Sections.bind(factory, "interest", Map.of());
        assertThat(s.embedding()).isEqualTo(32);
        assertThat(s.hidden()).containsExactly(128, 64);
        assertThat(s.history()).isTrue();
        assertThat(s.neighbourhood()).isEqualTo(50);
        assertThat(s.coldHead()).isEqualTo(4);
        assertThat(s.wantsColdHead()).isTrue();
        assertThat(s.activation()).isEqualTo(TowerActivation.RELU);
        assertThat(s.gmf()).isTrue();
        assertThat(s.loss().click()).isEqualTo(0.5);
        assertThat(s.loss().rating()).isEqualTo(0.5);
        assertThat(s.rankBy()).isEqualTo(MlpSettings.RankBy.AUTO);
        assertThat(s.idDropout()).isEqualTo(0.1);
        assertThat(s.engine()).isEqualTo(Engine.FUSED);
        assertThat(s.training().epochs()).isEqualTo(30);
        assertThat(s.training().batchSize()).isEqualTo(256);
        assertThat(s.training().learningRate()).isEqualTo(0.002);
        assertThat(s.training().weightDecay()).isEqualTo(0.01);
        assertThat(s.training().dropout()).isEqualTo(0.2);
        assertThat(s.training().negatives()).isEqualTo(8);
        assertThat(s.training().patience()).isEqualTo(3);
        assertThat(s.training().intraOpThreads()).isEqualTo(1);
        assertThat(factory.name()).isEqualTo("mlp");
    }

    @Test
    void schemaBoundsNameTheFullKey() {
        assertThat(problems(Map.of("hidden", List.of(64, -3), "dropout", 1.0, "loss", Map.of("click", -1),
                "activation", "rleu", "epochs", 0, "engine", "gpu")))
                .containsExactlyInAnyOrder(
                        "interest.hidden[1]: must be > 0 (was -3)",
                        "interest.dropout: must be < 1 (was 1)",
                        "interest.loss.click: must be >= 0 (was -1)",
                        "interest.activation: must be one of [relu, leaky-relu, elu, tanh, sigmoid] (was 'rleu');"
                                + " did you mean 'relu'?",
                        "interest.epochs: must be >= 1 (was 0)",
                        "interest.engine: must be one of [fused, graph] (was 'gpu')");
    }

    @Test
    void crossParameterChecks() {
        assertThat(problems(Map.of("loss", Map.of("click", 0, "rating", 0))))
                .containsExactly("interest.loss: at least one of click and rating must be > 0");
        assertThat(problems(Map.of("negatives", 0)))
                .containsExactly("interest.negatives: must be > 0 when loss.click > 0 (was 0)");
        assertThat(problems(Map.of("hidden", List.of())))
                .containsExactly("interest.hidden: must list at least one layer width");
        assertThat(problems(Map.of("loss", Map.of("click", 0), "rank-by", "click")))
                .containsExactly("interest.rank-by: 'click' needs loss.click > 0");
        assertThat(problems(Map.of("loss", Map.of("rating", 0), "rank-by", "blend")))
                .containsExactly("interest.rank-by: 'blend' needs loss.rating > 0");
        assertThat(problems(Map.of("loss", Map.of("click", 0), "negatives", 0))).isEmpty();
    }

    @Test
    void theColdStartHeadIsTrainedOnlyWhenItWouldRank() {
        assertThat(Sections.bind(factory, "interest", Map.of("rank-by", "click")).wantsColdHead()).isTrue();
        assertThat(Sections.bind(factory, "interest", Map.of("cold-head", 0)).wantsColdHead()).isFalse();
        assertThat(Sections.bind(factory, "interest", Map.of("rank-by", "blend")).wantsColdHead()).isFalse();
        assertThat(Sections.bind(factory, "interest", Map.of("loss", Map.of("click", 0))).wantsColdHead()).isFalse();
    }

    @Test
    void unknownKeySuggestsTheClosest() {
        assertThat(problems(Map.of("hiden", List.of(8))))
                .containsExactly("interest.hiden: unknown key; did you mean 'hidden'?");
    }
}
