package dev.m6rec.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.core.eval.PerUserValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {
    private static ModelOutcome fold(double ndcg, long fitMillis) {
        return new ModelOutcome("m", "ease", Map.of("ndcg@10", Double.NaN), Map.of("ndcg@10", ndcg), fitMillis, 500,
                List.of(), new PerUserValues(new int[0], List.of(), new double[0][], null), Map.of());
    }

    @Test
    void foldsGiveTheMeanAndTheSampleSdOfEveryMetric() {
        ModelTable table = ModelComparison.ofFolds(List.of("ndcg@10"),
                List.of(List.of(fold(0.2, 1000), fold(0.3, 2000), fold(0.4, 3000))));
        ModelRow row = table.rows().get(0);
        assertThat(table.folds()).isEqualTo(3);
        assertThat(row.test().get("ndcg@10")).isCloseTo(0.3, within(1e-12));
        // sd with n - 1: sqrt((0.01 + 0 + 0.01) / 2) = 0.1.
        assertThat(row.testSd().get("ndcg@10")).isCloseTo(0.1, within(1e-12));
        assertThat(row.valid().get("ndcg@10")).isNaN();
        assertThat(row.fitSeconds()).isCloseTo(2.0, within(1e-12));
        assertThat(row.significance()).isEmpty();
    }

    @Test
    void pairingKeepsOnlyTheUsersBothModelsRankedInUserOrder() {
        PerUserValues a = new PerUserValues(new int[] {1, 3, 4, 9}, List.of("hr@10"),
                new double[][] {{0.1, 0.3, 0.4, 0.9}}, null);
        PerUserValues b = new PerUserValues(new int[] {0, 3, 9}, List.of("hr@10"), new double[][] {{1.0, 3.0, 9.0}},
                null);
        double[][] pairs = ModelComparison.paired(a, b, "hr@10");
        assertThat(pairs[0]).containsExactly(0.3, 0.9);
        assertThat(pairs[1]).containsExactly(3.0, 9.0);
    }
}
