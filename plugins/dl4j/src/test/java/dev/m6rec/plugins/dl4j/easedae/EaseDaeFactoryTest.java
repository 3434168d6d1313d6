package dev.m6rec.plugins.dl4j.easedae;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Dl4jPlugin;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EaseDaeFactoryTest {
    private final EaseDaeFactory factory = new EaseDaeFactory();

    @Test
    void foundThroughServiceLoaderByItsName() {
        List<InterestModelFactory<?>> found = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof Dl4jPlugin).flatMap(p -> p.interestModels().stream())
                .filter(f -> f.name().equals("ease-dae")).toList();
        assertThat(found).singleElement().isInstanceOf(EaseDaeFactory.class);
        assertThat(factory.description()).contains("EASE").contains("autoencoder");
    }

    @Test
    void defaultsAreTheOnesChosenOnMovieLensValidation() {
        EaseDaeSettings s = Sections.bind(factory, "interest", Map.of());
        assertThat(s.lambda()).isEqualTo(300.0);
        assertThat(s.folds()).isEqualTo(5);
        assertThat(s.hidden()).isEqualTo(200);
        assertThat(s.dropout()).isEqualTo(0.5);
        assertThat(s.epochs()).isEqualTo(60);
        assertThat(s.batchSize()).isEqualTo(128);
        assertThat(s.learningRate()).isEqualTo(0.001);
        assertThat(s.weightDecay()).isEqualTo(30.0);
        assertThat(s.maxItems()).isEqualTo(10000);
        assertThat(s.earlyStopping().patience()).isEqualTo(10);
        assertThat(s.intraOpThreads()).isEqualTo(1);
    }

    @Test
    void validationMessagesNameTheFullKey() {
        assertThat(Sections.problems(factory, "interest", Map.of("lambda", 0, "folds", 1, "hidden", 0,
                "dropout", 1.0, "max-items", 0, "early-stopping", Map.of("patience", -1))))
                .containsExactlyInAnyOrder(
                        "interest.lambda: must be > 0 (was 0)",
                        "interest.folds: must be >= 2 (was 1)",
                        "interest.hidden: must be >= 1 (was 0)",
                        "interest.dropout: must be < 1 (was 1)",
                        "interest.max-items: must be >= 1 (was 0)",
                        "interest.early-stopping.patience: must be >= 0 (was -1)");
    }
}
