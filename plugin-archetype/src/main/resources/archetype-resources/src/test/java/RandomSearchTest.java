package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.NoSettings;
import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.core.testing.RecordingPluginContext;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomSearchTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            SearchParameter.numeric("interest.rate", ParameterKind.LOG_FLOAT, 1e-4, 1e-1),
            SearchParameter.numeric("similarity.min-shared", ParameterKind.INT, 1, 3),
            SearchParameter.choice("interest.use-ratings", List.of(true, false)),
            SearchParameter.numeric("interest.scale", ParameterKind.FLOAT, 0, 1)
                    .when("interest.use-ratings", List.of(true))));

    private static List<Trial> trials(long seed, int n) {
        StrategyOptimizer optimizer = new RandomSearchFactory().create(new NoSettings(),
                new RecordingPluginContext(seed, "optimizer"));
        optimizer.start(SPACE, Direction.MAXIMIZE);
        return IntStream.range(0, n).mapToObj(optimizer::ask).toList();
    }

    @Test
    void drawsWithinTheSpaceAndOnlyActiveParameters() {
        for (Trial trial : trials(1, 200)) {
            assertThat((Double) trial.params().get("interest.rate")).isBetween(1e-4, 1e-1);
            assertThat((Long) trial.params().get("similarity.min-shared")).isBetween(1L, 3L);
            assertThat(trial.params().containsKey("interest.scale"))
                    .isEqualTo(trial.params().get("interest.use-ratings").equals(true));
        }
        assertThat(trials(1, 200)).extracting(t -> t.params().get("similarity.min-shared")).contains(1L, 2L, 3L);
    }

    @Test
    void theSameSeedGivesTheSameTrials() {
        assertThat(trials(5, 10)).isEqualTo(trials(5, 10)).isNotEqualTo(trials(6, 10));
    }
}
