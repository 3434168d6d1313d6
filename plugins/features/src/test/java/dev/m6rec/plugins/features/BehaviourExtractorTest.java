package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.Sections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BehaviourExtractorTest {
    private static final String PATH = "features.user[0]";
    private static final BehaviourFactory FACTORY = new BehaviourFactory();
    private static final long DAY = 86_400;

    /**
     * User 0 rated item 0 with 4 on day 0 and item 1 with 2 on day 10; user 1 rated item 0 with 5
     * on day 20 (the last training day); user 2 and item 2 have no interactions. Global mean 11/3.
     */
    private static Interactions train() {
        return Interactions.builder(3, 3, true, true)
                .add(0, 1, 2f, 10 * DAY)
                .add(1, 0, 5f, 20 * DAY)
                .add(0, 0, 4f, 0)
                .build();
    }

    private static FeatureInput input(EntityKind kind, Interactions train) {
        IdIndex ids = IdIndex.range(kind == EntityKind.USER ? "u" : "i", 3);
        return new FeatureInput(kind, ids, AttributeTable.empty(3), train);
    }

    private static FeatureExtractor fitted(EntityKind kind, Map<String, Object> section, Interactions train) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(input(kind, train));
        return extractor;
    }

    @Test
    void userAggregatesComeFromTheirTrainingInteractions() {
        FeatureExtractor extractor = fitted(EntityKind.USER, Map.of("recency-half-life", 10), train());

        assertThat(extractor.columns()).containsExactly("behaviour:log-count", "behaviour:rating-mean",
                "behaviour:rating-std", "behaviour:recency");
        assertThat(extractor.encodeAll().data()).containsExactly(
                (float) Math.log(3), (float) (3 - 11.0 / 3), 1f, 0.5f,
                (float) Math.log(2), (float) (5 - 11.0 / 3), 0f, 1f,
                0f, 0f, 0f, 0f);
    }

    @Test
    void itemAggregatesUseTheItemSide() {
        FeatureExtractor extractor = fitted(EntityKind.ITEM,
                Map.of("aggregates", List.of("recency", "log-count", "rating-std"), "recency-half-life", 10), train());

        assertThat(extractor.columns()).containsExactly("behaviour:recency", "behaviour:log-count", "behaviour:rating-std");
        assertThat(extractor.encodeAll().data()).containsExactly(
                1f, (float) Math.log(3), 0.5f,
                0.5f, (float) Math.log(2), 0f,
                0f, 0f, 0f);
    }

    @Test
    void recencyHalvesEveryHalfLife() {
        FeatureExtractor extractor = fitted(EntityKind.USER,
                Map.of("aggregates", List.of("recency"), "recency-half-life", 5), train());

        assertThat(extractor.encodeAll().data()).containsExactly(0.25f, 1f, 0f);
    }

    @Test
    void implicitDataWithoutTimestampsHasOnlyCounts() {
        Interactions implicit = Interactions.builder(3, 3, false, false).add(0, 0, 1, 0).add(0, 1, 1, 0).build();

        FeatureExtractor extractor = fitted(EntityKind.USER, Map.of(), implicit);

        assertThat(extractor.encodeAll().data()).containsExactly(
                (float) Math.log(3), 0, 0, 0,
                0, 0, 0, 0,
                0, 0, 0, 0);
    }

    @Test
    void newEntitiesEncodeZeros() {
        FeatureExtractor extractor = fitted(EntityKind.USER, Map.of(), train());

        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().number("age", 30).build()))
                .containsExactly(0, 0, 0, 0);
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("aggregates", List.of("log-count", "count"))))
                .containsExactly("features.user[0].aggregates[1]: must be one of "
                        + "[log-count, rating-mean, rating-std, recency] (was 'count')");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("aggregates", List.of("recency", "recency"))))
                .containsExactly("features.user[0].aggregates[1]: aggregate 'recency' is listed twice");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("aggregates", List.of())))
                .containsExactly("features.user[0].aggregates: must name at least one aggregate");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("recency-half-life", 0)))
                .containsExactly("features.user[0].recency-half-life: must be > 0 (was 0)");
    }

    @Test
    void saveAndLoadReproduceEveryEncoding() {
        Map<String, Object> section = Map.of("recency-half-life", 7);
        FeatureExtractor extractor = fitted(EntityKind.USER, section, train());

        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, Map.of());

        ExtractorHarness.assertEncodesAlike(loaded, extractor, AttributeTable.empty(3));
        assertThat(ExtractorHarness.encodeNew(loaded, Attributes.builder().number("age", 30).build()))
                .containsExactly(0, 0, 0, 0);
    }

    @Test
    void behaviorIsAnAliasMakingTheSameExtractor() {
        BehaviourFactory alias = BehaviourFactory.alias();
        assertThat(alias.name()).isEqualTo("behavior");
        assertThat(alias.description()).isEqualTo("alias of behaviour");
        assertThat(alias.schema().params()).isEqualTo(FACTORY.schema().params());
        assertThat(Sections.problems(alias, PATH, Map.of("aggregates", List.of("recency", "recency"))))
                .containsExactly("features.user[0].aggregates[1]: aggregate 'recency' is listed twice");

        Map<String, Object> section = Map.of("recency-half-life", 10);
        FeatureExtractor viaAlias = ExtractorHarness.create(alias, PATH, section);
        viaAlias.fit(input(EntityKind.USER, train()));
        FeatureExtractor viaName = fitted(EntityKind.USER, section, train());
        assertThat(viaAlias.columns()).isEqualTo(viaName.columns());
        assertThat(viaAlias.encodeAll().data()).containsExactly(viaName.encodeAll().data());

        MemoryArtifacts saved = new MemoryArtifacts();
        viaAlias.save(saved);
        FeatureExtractor loaded = ExtractorHarness.create(FACTORY, PATH, Map.of());
        loaded.load(saved);
        assertThat(loaded.columns()).as("either name loads the other's state").isEqualTo(viaName.columns());
    }

    @Test
    void theAllowedAggregatesAreTheEnumsLabels() {
        ParamSpec aggregates = FACTORY.schema().param("aggregates").orElseThrow();
        assertThat(aggregates.choices()).isEqualTo(BehaviourAggregate.labels());
        assertThat(aggregates.defaultValue()).isEqualTo(BehaviourAggregate.labels());
    }
}
