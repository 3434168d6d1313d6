package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FeaturesPluginTest {

    @Test
    void serviceLoaderFindsThePluginWithItsExtractorNames() {
        // core (a test dependency) registers its own plugin; this module must add exactly one.
        List<Plugin> plugins = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.getClass().getPackageName().equals("dev.m6rec.plugins.features"))
                .toList();

        assertThat(plugins).hasSize(1);
        Plugin plugin = plugins.get(0);
        assertThat(plugin).isInstanceOf(FeaturesPlugin.class);
        assertThat(plugin.name()).isEqualTo("features");
        assertThat(plugin.featureExtractors()).extracting(FeatureExtractorFactory::name)
                .containsExactly("numeric", "categorical", "multi-hot", "hashing", "tfidf", "behavior", "date", "bucket");
        assertThat(plugin.interestModels()).isEmpty();
        assertThat(plugin.similarityModels()).isEmpty();
    }

    @Test
    void everyParameterAndFactoryIsDescribed() {
        for (FeatureExtractorFactory factory : new FeaturesPlugin().featureExtractors()) {
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            for (ParamSpec spec : factory.schema().params()) {
                assertThat(spec.description()).as(factory.name() + "." + spec.key()).isNotBlank();
            }
        }
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreGiven() {
        ComponentConfig numeric = ExtractorHarness.bind(new NumericFactory(), "features.user[0]",
                Map.of("fields", List.of("age")));
        assertThat(numeric.getString("scaling")).isEqualTo("standard");
        assertThat(numeric.getBoolean("missing-indicator")).isFalse();

        ComponentConfig categorical = ExtractorHarness.bind(new CategoricalFactory(), "features.user[1]",
                Map.of("fields", List.of("gender")));
        assertThat(categorical.getInt("min-count")).isEqualTo(1);
        assertThat(categorical.isSet("max-categories")).isFalse();

        ComponentConfig multiHot = ExtractorHarness.bind(new MultiHotFactory(), "features.item[0]",
                Map.of("field", "genres"));
        assertThat(multiHot.getInt("min-count")).isEqualTo(1);
        assertThat(multiHot.getBoolean("normalize")).isFalse();

        ComponentConfig hashing = ExtractorHarness.bind(new HashingFactory(), "features.user[2]",
                Map.of("fields", List.of("zip")));
        assertThat(hashing.getInt("buckets")).isEqualTo(1024);
        assertThat(hashing.getBoolean("signed")).isTrue();

        ComponentConfig tfidf = ExtractorHarness.bind(new TfidfFactory(), "features.item[1]",
                Map.of("field", "title"));
        assertThat(tfidf.getInt("min-df")).isEqualTo(1);
        assertThat(tfidf.getString("stop-words")).isEqualTo("english");
        assertThat(tfidf.isSet("max-features")).isFalse();

        ComponentConfig behavior = ExtractorHarness.bind(new BehaviorFactory(), "features.user[3]", Map.of());
        assertThat(behavior.getStringList("aggregates"))
                .containsExactly("log-count", "rating-mean", "rating-std", "recency");
        assertThat(behavior.getDouble("recency-half-life")).isEqualTo(30.0);
    }

    @Test
    void unknownKeysAreReportedWithTheirPath() {
        assertThat(ExtractorHarness.problems(new MultiHotFactory(), "features.item[0]",
                Map.of("field", "genres", "normalise", true)))
                .containsExactly("features.item[0].normalise: unknown key; did you mean 'normalize'?");
    }
}
