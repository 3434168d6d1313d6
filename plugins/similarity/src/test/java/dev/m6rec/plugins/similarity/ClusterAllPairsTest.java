package dev.m6rec.plugins.similarity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run with a spark: section needs the cluster engine; without one on the class path it says so and fits nothing. */
class ClusterAllPairsTest {

    @Test
    void aSparkRunWithoutAnEngineOnTheClassPathFailsNamingTheSparkSection() {
        Interactions train = Fixtures.interactions(3, 10, 8, 0.4);
        NeighbourSimilarityModel model = Fixtures.model("cosine", Map.of("neighbours", 3),
                Fixtures.context(1).withSpark(new SparkSettings("local[1]", Map.of())));

        assertThatThrownBy(() -> model.fit(Fixtures.input(train, FeatureMatrix.empty(8), null)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("spark: the similarity over interactions fits on the cluster, which needs exactly one "
                        + "all-pairs engine on the class path (the spark plugin); found []");
    }
}
