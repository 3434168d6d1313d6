package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketExtractorTest {
    private static final String PATH = "features.user[2]";
    private static final BucketFactory FACTORY = new BucketFactory();
    private static final Map<String, Object> SECTION = Map.of("fields", List.of("age"), "buckets", 4);

    /** Ages 18..25 and one missing: quartile cuts at 20, 22, 24. */
    private static FeatureInput users() {
        float[] ages = {18, 19, 20, 21, 22, 23, 24, 25, Float.NaN};
        return ExtractorHarness.input(EntityKind.USER, new AttributeColumn.Numeric("age", ages));
    }

    private static FeatureExtractor fitted() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, SECTION);
        extractor.fit(users());
        return extractor;
    }

    @Test
    void cutsAtTrainingQuantilesAndOneHotsEachValue() {
        FeatureExtractor extractor = fitted();
        assertThat(extractor.columns()).containsExactly("age<20", "age[20,22)", "age[22,24)", "age>=24");
        assertThat(ExtractorHarness.encodeKnown(extractor, 0)).containsExactly(1, 0, 0, 0);
        assertThat(ExtractorHarness.encodeKnown(extractor, 2)).containsExactly(0, 1, 0, 0);
        assertThat(ExtractorHarness.encodeKnown(extractor, 7)).containsExactly(0, 0, 0, 1);
        assertThat(ExtractorHarness.encodeKnown(extractor, 8)).as("missing").containsExactly(0, 0, 0, 0);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().number("age", 90).build()))
                .containsExactly(0, 0, 0, 1);
    }

    @Test
    void repeatedValuesGiveFewerBuckets() {
        assertThat(BucketExtractor.quantileCuts(new float[] {1, 1, 1, 1, 2}, 4)).containsExactly(2f);
        assertThat(BucketExtractor.quantileCuts(new float[] {5, 5}, 3)).isEmpty();
    }

    @Test
    void saveAndLoadReproduceEncodings() {
        FeatureExtractor extractor = fitted();
        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, SECTION);
        FeatureInput input = users();
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input.attributes());
        for (int u = 0; u < 9; u++) {
            assertThat(ExtractorHarness.encodeNew(loaded, input.attributes().row(u)))
                    .containsExactly(ExtractorHarness.encodeKnown(extractor, u));
        }
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("age"), "buckets", 1)))
                .containsExactly("features.user[2].buckets: must be >= 2 (was 1)");
    }
}
