package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.core.testing.Sections;
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
                .containsExactly("numeric", "categorical", "multi-hot", "hashing", "tfidf", "behaviour", "behavior",
                        "date", "bucket");
        assertThat(plugin.interestModels()).isEmpty();
        assertThat(plugin.similarityModels()).isEmpty();
    }

    @Test
    void everyParameterAndFactoryIsDescribed() {
        for (FeatureExtractorFactory<?> factory : new FeaturesPlugin().featureExtractors()) {
            assertThat(factory.description()).as(factory.name()).isNotBlank();
            for (ParamSpec spec : factory.schema().params()) {
                assertThat(spec.description()).as(factory.name() + "." + spec.key()).isNotBlank();
            }
        }
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreGiven() {
        NumericFactory.Settings numeric = Sections.bind(new NumericFactory(), "features.user[0]",
                Map.of("fields", List.of("age")));
        assertThat(numeric.scaling()).isEqualTo(NumericScaling.STANDARD);
        assertThat(numeric.missingIndicator()).isFalse();

        CategoricalFactory.Settings categorical = Sections.bind(new CategoricalFactory(), "features.user[1]",
                Map.of("fields", List.of("gender")));
        assertThat(categorical.minCount()).isEqualTo(1);
        assertThat(categorical.maxCategories()).isNull();

        MultiHotFactory.Settings multiHot = Sections.bind(new MultiHotFactory(), "features.item[0]",
                Map.of("field", "genres"));
        assertThat(multiHot.minCount()).isEqualTo(1);
        assertThat(multiHot.maxTags()).isNull();
        assertThat(multiHot.normalize()).isFalse();

        HashingFactory.Settings hashing = Sections.bind(new HashingFactory(), "features.user[2]",
                Map.of("fields", List.of("zip")));
        assertThat(hashing.buckets()).isEqualTo(1024);
        assertThat(hashing.signed()).isTrue();

        TfidfFactory.Settings tfidf = Sections.bind(new TfidfFactory(), "features.item[1]", Map.of("field", "title"));
        assertThat(tfidf.minDf()).isEqualTo(1);
        assertThat(tfidf.stopWords()).isEqualTo("english");
        assertThat(tfidf.stemmer()).isEqualTo("none");
        assertThat(tfidf.maxFeatures()).isNull();

        BehaviourFactory.Settings behaviour = Sections.bind(new BehaviourFactory(), "features.user[3]", Map.of());
        assertThat(behaviour.aggregates()).containsExactly("log-count", "rating-mean", "rating-std", "recency");
        assertThat(behaviour.recencyHalfLife()).isEqualTo(30.0);
        assertThat(behaviour.profileField()).isNull();

        DateFactory.Settings date = Sections.bind(new DateFactory(), "features.item[2]", Map.of("field", "release"));
        assertThat(date.unit()).isEqualTo("seconds");

        BucketFactory.Settings bucket = Sections.bind(new BucketFactory(), "features.user[4]",
                Map.of("fields", List.of("age")));
        assertThat(bucket.buckets()).isEqualTo(10);
    }

    @Test
    void unknownKeysAreReportedWithTheirPath() {
        assertThat(Sections.problems(new MultiHotFactory(), "features.item[0]",
                Map.of("field", "genres", "normalise", true)))
                .containsExactly("features.item[0].normalise: unknown key; did you mean 'normalize'?");
    }
}
