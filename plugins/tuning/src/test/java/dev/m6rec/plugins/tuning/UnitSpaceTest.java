package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitSpaceTest {
    private final UnitSpace space = new UnitSpace(Optimizers.mixedSpace());

    @Test
    void decodesValuesWithTheTypesTheStudyExpects() {
        Map<String, Object> params = space.decode(new double[] {0.5, 0.0, 0.5, 1.0, 1, 0.25});

        assertThat(params).containsOnlyKeys("x", "y", "lr", "units", "kernel", "gamma");
        assertThat(params.get("x")).isEqualTo(0.0);
        assertThat(params.get("y")).isEqualTo(-5.0);
        assertThat((Double) params.get("lr")).isCloseTo(1e-2, within(1e-12));
        assertThat(params.get("units")).isEqualTo(50L);
        assertThat(params.get("kernel")).isEqualTo("rbf");
        assertThat(params.get("gamma")).isEqualTo(0.25);
    }

    @Test
    void leavesInactiveParametersOut() {
        Map<String, Object> params = space.decode(new double[] {0.5, 0.5, 0.5, 0.5, 0, 0.25});

        assertThat(params).containsOnlyKeys("x", "y", "lr", "units", "kernel");
        assertThat(space.encode(Map.of("x", 0.0, "y", 0.0, "lr", 0.01, "units", 3L, "kernel", "poly", "gamma", 0.5))[5])
                .isNaN();
    }

    @Test
    void integersOwnEqualSharesOfTheUnitInterval() {
        UnitSpace ints = new UnitSpace(new SearchSpace(List.of(SearchParameter.numeric("n", ParameterKind.INT, 1, 4))));

        assertThat(ints.decode(0, 0.0)).isEqualTo(1L);
        assertThat(ints.decode(0, 0.24)).isEqualTo(1L);
        assertThat(ints.decode(0, 0.26)).isEqualTo(2L);
        assertThat(ints.decode(0, 1.0)).isEqualTo(4L);
        assertThat(ints.encode(0, 3L)).isEqualTo(0.625);
        assertThat(ints.snap(0, 0.3)).isEqualTo(0.375);
    }

    @Test
    void roundTripsReplayedValuesOfLooseTypes() {
        Map<String, Object> replayed = new LinkedHashMap<>();
        replayed.put("x", 1);              // an Integer where a Double was proposed
        replayed.put("y", "-2.5");         // a string from a hand-edited journal
        replayed.put("lr", 0.001);
        replayed.put("units", 7);          // Integer rather than Long
        replayed.put("kernel", "rbf");
        replayed.put("gamma", 0.75);

        Map<String, Object> decoded = space.decode(space.encode(replayed));

        assertThat((Double) decoded.get("x")).isCloseTo(1.0, within(1e-12));
        assertThat((Double) decoded.get("y")).isCloseTo(-2.5, within(1e-12));
        assertThat((Double) decoded.get("lr")).isCloseTo(0.001, within(1e-15));
        assertThat(decoded.get("units")).isEqualTo(7L);
        assertThat(decoded.get("kernel")).isEqualTo("rbf");
        assertThat((Double) decoded.get("gamma")).isCloseTo(0.75, within(1e-12));
        assertThat(space.key(space.encode(replayed))).isEqualTo(space.key(space.encode(decoded)));
    }

    @Test
    void choicesMatchByTextSoNumericChoicesSurviveAJournal() {
        UnitSpace widths = new UnitSpace(new SearchSpace(List.of(SearchParameter.choice("hidden", List.of(32, 64, 128)))));

        assertThat(widths.encode(0, 64L)).isEqualTo(1.0);
        assertThat(widths.encode(0, "128")).isEqualTo(2.0);
        assertThat(widths.encode(0, 100)).isNaN();
        assertThat(widths.decode(0, 2.0)).isEqualTo(128);
    }

    @Test
    void samplesRespectConditionsAndBounds() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int k = 0; k < 200; k++) {
            Map<String, Object> p = space.decode(space.sample(rng));
            assertThat(p.containsKey("gamma")).isEqualTo(p.get("kernel").equals("rbf"));
            assertThat((Double) p.get("lr")).isBetween(1e-4, 1.0);
            assertThat((Long) p.get("units")).isBetween(1L, 50L);
        }
    }

    @Test
    void rejectsSpacesNoOptimizerCanSearch() {
        assertThatThrownBy(() -> new UnitSpace(new SearchSpace(List.of(
                SearchParameter.numeric("lr", ParameterKind.LOG_FLOAT, 0, 1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lr: log-float needs low > 0 (was 0.0)");
        assertThatThrownBy(() -> new UnitSpace(new SearchSpace(List.of(
                SearchParameter.numeric("gamma", ParameterKind.FLOAT, 0, 1).when("kernel", List.of("rbf"))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gamma depends on kernel, which is not declared before it");
        assertThatThrownBy(() -> new UnitSpace(new SearchSpace(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("search space has no parameters");
    }
}
