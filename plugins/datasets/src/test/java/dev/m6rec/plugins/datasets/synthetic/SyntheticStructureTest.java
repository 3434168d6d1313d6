package dev.m6rec.plugins.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planted structure is there: each check compares the generated data with a version of it
 * that lacks that structure (shuffled, or generated with that signal turned off).
 */
class SyntheticStructureTest {
    private static PlantedStructure planted;
    private static PlantedStructure flat;

    @BeforeAll
    static void generate() {
        SyntheticLoaderFactory factory = new SyntheticLoaderFactory();
        RecordingPluginContext context = new RecordingPluginContext(11, "data");
        planted = new PlantedStructure(Sections.create(factory, "data", Map.of(), context).load());
        flat = new PlantedStructure(Sections.create(factory, "data",
                Map.of("attribute-signal", 0.0, "sequence-strength", 0.0), context).load());
    }

    @Test
    void itemKnnClearlyBeatsPopularityWhichBeatsRandom() {
        double knn = planted.itemKnnNdcg();
        double popularity = planted.popularityNdcg();
        double random = planted.randomNdcg(5);
        assertThat(knn).isGreaterThan(1.5 * popularity);
        assertThat(popularity).isGreaterThan(3 * random);
    }

    @Test
    void usersConcentrateOnTheirFavouriteCategories() {
        assertThat(planted.topTwoCategoryShare(-1)).isGreaterThan(planted.topTwoCategoryShare(3) + 0.2);
    }

    @Test
    void attributesPredictTastesForColdStartUsers() {
        assertThat(planted.coldStartRecall(true)).isGreaterThan(1.15 * planted.coldStartRecall(false));
        // with attribute-signal 0 the same scoring has nothing to find
        assertThat(flat.coldStartRecall(true)).isLessThan(1.02 * flat.coldStartRecall(false));
    }

    @Test
    void consecutiveItemsShareTags() {
        assertThat(planted.tagSharing(true)).isGreaterThan(planted.tagSharing(false) + 0.15);
        assertThat(Math.abs(flat.tagSharing(true) - flat.tagSharing(false))).isLessThan(0.03);
    }

    @Test
    void ratingsAreHigherInTheFavouriteCategory() {
        assertThat(planted.favouriteCategoryRatingGap()).isGreaterThan(0.5);
    }
}
