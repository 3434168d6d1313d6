package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashingExtractorTest {
    private static final String PATH = "features.user[0]";
    private static final HashingFactory FACTORY = new HashingFactory();

    /** Three users; user 1 has no likes, user 2 no gender and a repeated like. */
    private static FeatureInput users() {
        return ExtractorHarness.input(EntityKind.USER,
                new AttributeColumn.Categorical("gender", new String[] {"F", "M", null}),
                new AttributeColumn.Tags("likes", new String[][] {{"jazz", "rock"}, {}, {"jazz", "jazz"}}),
                new AttributeColumn.Numeric("age", new float[] {20, 30, 40}));
    }

    private static FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(users());
        return extractor;
    }

    /** The expected vector: each token adds sign(h) at |h| mod buckets, as scikit-learn's FeatureHasher. */
    private static float[] hashed(int buckets, boolean signed, String... tokens) {
        float[] v = new float[buckets];
        for (String token : tokens) {
            int h = Murmur3.hash32(token, 0);
            v[(int) (Math.abs((long) h) % buckets)] += signed && h < 0 ? -1 : 1;
        }
        return v;
    }

    @Test
    void tokensLandInTheirMurmurBucketWithTheirSign() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("gender", "likes"), "buckets", 16));

        assertThat(extractor.columns()).hasSize(16);
        assertThat(extractor.columns().get(0)).isEqualTo("gender+likes#0");
        assertThat(extractor.columns().get(15)).isEqualTo("gender+likes#15");
        assertThat(extractor.encodeAll().row(0)).containsExactly(hashed(16, true, "gender=F", "likes=jazz", "likes=rock"));
        assertThat(extractor.encodeAll().row(1)).containsExactly(hashed(16, true, "gender=M"));
        assertThat(extractor.encodeAll().row(2)).containsExactly(hashed(16, true, "likes=jazz", "likes=jazz"));
        assertThat(hashed(16, true, "likes=jazz", "likes=jazz")).as("repeats add up").containsAnyOf(2f, -2f);
    }

    @Test
    void collisionsAddUpAndUnsignedHashingCountsTokens() {
        assertThat(fitted(Map.of("fields", List.of("gender", "likes"), "buckets", 1, "signed", false))
                .encodeAll().data()).containsExactly(3, 1, 2);
        float[] signed = fitted(Map.of("fields", List.of("gender", "likes"), "buckets", 1)).encodeAll().data();
        assertThat(signed).containsExactly(hashed(1, true, "gender=F", "likes=jazz", "likes=rock")[0],
                hashed(1, true, "gender=M")[0], hashed(1, true, "likes=jazz", "likes=jazz")[0]);
    }

    @Test
    void newEntitiesWithUnseenValuesStillHash() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("gender", "likes"), "buckets", 64));

        assertThat(ExtractorHarness.encodeNew(extractor,
                Attributes.builder().category("gender", "X").tags("likes", List.of("polka")).build()))
                .containsExactly(hashed(64, true, "gender=X", "likes=polka"));
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.none())).containsOnly(0f);
        FeatureInput input = users();
        for (int u = 0; u < 3; u++) {
            assertThat(ExtractorHarness.encodeKnown(extractor, u))
                    .containsExactly(ExtractorHarness.encodeNew(extractor, input.attributes().row(u)));
        }
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("gender"), "buckets", 0)))
                .containsExactly("features.user[0].buckets: must be >= 1 (was 0)");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("gender"), "buckets", 2_000_000)))
                .containsExactly("features.user[0].buckets: must be <= 1048576 (was 2000000)");
    }

    @Test
    void unknownOrNumericFieldsFailAtFit() {
        FeatureExtractor unknown = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("zip")));
        assertThatThrownBy(() -> unknown.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[0]: unknown user attribute 'zip'; available: [gender, likes, age]");

        FeatureExtractor numeric = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("gender", "age")));
        assertThatThrownBy(() -> numeric.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[1]: user attribute 'age' is numeric; "
                        + "hashing needs a categorical or tags attribute");
    }

    @Test
    void saveAndLoadReproduceEveryEncoding() {
        Map<String, Object> section = Map.of("fields", List.of("gender", "likes"), "buckets", 8);
        FeatureExtractor extractor = fitted(section);

        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH,
                Map.of("fields", List.of("likes"), "buckets", 3, "signed", false));

        FeatureInput input = users();
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        for (int u = 0; u < 3; u++) {
            assertThat(ExtractorHarness.encodeNew(loaded, input.attributes().row(u)))
                    .containsExactly(ExtractorHarness.encodeKnown(extractor, u));
        }
        Attributes newUser = Attributes.builder().category("gender", "F").tags("likes", List.of("soul")).build();
        assertThat(ExtractorHarness.encodeNew(loaded, newUser)).containsExactly(hashed(8, true, "gender=F", "likes=soul"));
    }
}
