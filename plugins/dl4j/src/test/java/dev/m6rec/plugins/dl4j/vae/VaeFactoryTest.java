package dev.m6rec.plugins.dl4j.vae;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.Dl4jPlugin;
import dev.m6rec.plugins.dl4j.train.Engine;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class VaeFactoryTest {
    private final VaeFactory factory = new VaeFactory();

    private List<String> problems(Map<String, Object> section) {
        return Sections.problems(factory, "interest", section);
    }

    @Test
    void foundThroughServiceLoaderByItsName() {
        List<InterestModelFactory<?>> found = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof Dl4jPlugin).flatMap(p -> p.interestModels().stream())
                .filter(f -> f.name().equals("vae")).toList();
        assertThat(found).singleElement().isInstanceOf(VaeFactory.class);
        assertThat(factory.description()).contains("Mult-VAE");
    }

    @Test
    void defaults() {
        VaeSettings s = Sections.bind(factory, "interest", Map.of());
        assertThat(s.hidden()).containsExactly(600);
        assertThat(s.latent()).isEqualTo(100);
        assertThat(s.dropout()).isEqualTo(0.5);
        assertThat(s.annealCap()).isEqualTo(1.0);
        assertThat(s.totalAnnealSteps()).isEqualTo(200);
        assertThat(s.engine()).isEqualTo(Engine.FUSED);
        assertThat(s.epochs()).isEqualTo(200);
        assertThat(s.batchSize()).isEqualTo(128);
        assertThat(s.learningRate()).isEqualTo(0.001);
        assertThat(s.weightDecay()).isEqualTo(0.0);
        assertThat(s.earlyStopping().patience()).isEqualTo(20);
        assertThat(s.intraOpThreads()).isEqualTo(1);
        assertThat(factory.learnsItemEmbeddings(s)).isTrue();
    }

    @Test
    void betaRisesLinearlyToTheCap() {
        VaeSettings s = Sections.bind(factory, "interest", Map.of("anneal-cap", 0.3, "total-anneal-steps", 100));
        assertThat(s.beta(0)).isZero();
        assertThat(s.beta(15)).isEqualTo(0.15f);
        assertThat(s.beta(30)).isEqualTo(0.3f);
        assertThat(s.beta(1000)).isEqualTo(0.3f);
        VaeSettings atOnce = Sections.bind(factory, "interest", Map.of("anneal-cap", 0.3, "total-anneal-steps", 0));
        assertThat(atOnce.beta(0)).isEqualTo(0.3f);
    }

    @Test
    void validationMessagesNameTheFullKey() {
        assertThat(problems(Map.of("hidden", List.of())))
                .containsExactly("interest.hidden: must list at least one layer width");
        assertThat(problems(Map.of("hidden", List.of(600, 0), "dropout", 1.0, "latent", 0, "anneal-cap", -0.1,
                "total-anneal-steps", -1, "engine", "gpu", "early-stopping", Map.of("patience", -2))))
                .containsExactlyInAnyOrder(
                        "interest.hidden[1]: must be > 0 (was 0)",
                        "interest.dropout: must be < 1 (was 1)",
                        "interest.latent: must be > 0 (was 0)",
                        "interest.anneal-cap: must be >= 0 (was -0.1)",
                        "interest.total-anneal-steps: must be >= 0 (was -1)",
                        "interest.engine: must be one of [fused, graph] (was 'gpu')",
                        "interest.early-stopping.patience: must be >= 0 (was -2)");
        assertThat(problems(Map.of("laten", 64)))
                .containsExactly("interest.laten: unknown key; did you mean 'latent'?");
    }
}
