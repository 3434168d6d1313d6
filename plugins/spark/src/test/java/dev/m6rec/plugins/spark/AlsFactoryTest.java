package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AlsFactoryTest {
    private static final AlsFactory FACTORY = new AlsFactory();

    @Test
    void foundThroughServiceLoaderWithItsModel() {
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("spark")).toList();

        assertThat(plugins).singleElement().isInstanceOf(SparkPlugin.class);
        assertThat(plugins.get(0).interestModels()).extracting(InterestModelFactory::name).containsExactly("als");
        assertThat(FACTORY.description()).isNotBlank();
        assertThat(FACTORY.schema().params()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void defaults() {
        AlsSettings s = Sections.bind(FACTORY, "interest", Map.of());

        assertThat(s.rank()).isEqualTo(32);
        assertThat(s.iterations()).isEqualTo(10);
        assertThat(s.regularization()).isEqualTo(0.1);
        assertThat(s.feedback()).isEqualTo(AlsSettings.Feedback.IMPLICIT);
        assertThat(s.alpha()).isEqualTo(1.0);
        assertThat(s.nonnegative()).isFalse();
        assertThat(s.blocks()).isZero();
        assertThat(s.checkpointInterval()).isZero();
        assertThat(s.checkpointDir()).isNull();
        assertThat(FACTORY.learnsItemEmbeddings(s)).isTrue();
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("rank", 0, "iterations", 0)))
                .containsExactlyInAnyOrder("interest.rank: must be >= 1 (was 0)",
                        "interest.iterations: must be >= 1 (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("regularization", -1, "alpha", -0.5)))
                .containsExactlyInAnyOrder("interest.regularization: must be >= 0 (was -1)",
                        "interest.alpha: must be >= 0 (was -0.5)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("feedback", "both"))).singleElement().asString()
                .startsWith("interest.feedback: ");
    }

    @Test
    void aCheckpointIntervalNeedsADirectoryAndADirectoryAnInterval() {
        assertThat(Sections.problems(FACTORY, "interest", Map.of("checkpoint-interval", 5))).containsExactly(
                "interest.checkpoint-dir: required when checkpoint-interval is set (was 5); Spark ignores the "
                        + "interval without a directory");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("checkpoint-dir", "checkpoints"))).containsExactly(
                "interest.checkpoint-interval: must be > 0 when checkpoint-dir is given (was 0)");
        assertThat(Sections.problems(FACTORY, "interest", Map.of("checkpoint-interval", 2,
                "checkpoint-dir", "checkpoints"))).isEmpty();
    }
}
