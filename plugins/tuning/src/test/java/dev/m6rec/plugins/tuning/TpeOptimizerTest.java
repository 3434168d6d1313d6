package dev.m6rec.plugins.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeOptimizerTest {

    @Test
    void weightsAreFlatForTheNewest25AndRampBeforeThem() {
        assertThat(TpeOptimizer.weights(3)).containsExactly(1, 1, 1);
        double[] w = TpeOptimizer.weights(30);
        assertThat(w[0]).isEqualTo(1.0 / 30);
        assertThat(w[4]).isEqualTo(1.0);
        assertThat(w[1]).isStrictlyBetween(w[0], w[2]);
        assertThat(java.util.Arrays.copyOfRange(w, 5, 30)).containsOnly(1.0);
    }

    @Test
    void withoutStartUpTrialsItSamplesItsPriorFromTheFirstAsk() {
        StrategyOptimizer tpe = Optimizers.started("tpe", Map.of("startup-trials", 0), 3, Optimizers.mixedSpace());
        List<Trial> trials = Optimizers.run(tpe, 5, Optimizers::mixedLoss);

        assertThat(trials).hasSize(5);
        assertThat(trials.stream().map(Trial::params).distinct()).hasSize(5);
    }
}
