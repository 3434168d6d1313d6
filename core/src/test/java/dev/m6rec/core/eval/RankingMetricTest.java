package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each metric against values computed by hand for the list [miss, hit, miss, hit, miss] with 3 relevant items. */
class RankingMetricTest {
    private static final boolean[] HITS = {false, true, false, true, false};
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final double LOG2_5 = Math.log(5) / Math.log(2);

    @Test
    void hitRateIsOneWhenAnyRelevantItemIsInTheTopK() {
        assertThat(new HitRate().compute(HITS, 5, 5, 3)).isEqualTo(1.0);
        assertThat(new HitRate().compute(HITS, 5, 1, 3)).isEqualTo(0.0);
    }

    @Test
    void precisionDividesByKEvenWhenTheListIsShorter() {
        assertThat(new Precision().compute(HITS, 5, 5, 3)).isEqualTo(2 / 5.0);
        assertThat(new Precision().compute(HITS, 5, 10, 3)).isEqualTo(2 / 10.0);
    }

    @Test
    void recallDividesByTheNumberOfRelevantItems() {
        assertThat(new Recall().compute(HITS, 5, 5, 3)).isEqualTo(2 / 3.0);
        assertThat(new Recall().compute(HITS, 5, 3, 3)).isEqualTo(1 / 3.0);
    }

    @Test
    void ndcgUsesBinaryGainsAndTheIdealOfMinRelevantK() {
        double dcg = 1 / LOG2_3 + 1 / LOG2_5;
        double idcg = 1 + 1 / LOG2_3 + 1 / 2.0;
        assertThat(new Ndcg().compute(HITS, 5, 5, 3)).isCloseTo(dcg / idcg, within(1e-12));
        // With K = 2 the ideal holds only two relevant items.
        assertThat(new Ndcg().compute(HITS, 5, 2, 3)).isCloseTo((1 / LOG2_3) / (1 + 1 / LOG2_3), within(1e-12));
    }

    @Test
    void ndcgIsOneForAPerfectList() {
        assertThat(new Ndcg().compute(new boolean[] {true, true, false}, 3, 3, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void reciprocalRankIsOneOverTheFirstHit() {
        assertThat(new ReciprocalRank().compute(HITS, 5, 5, 3)).isEqualTo(0.5);
        assertThat(new ReciprocalRank().compute(HITS, 5, 1, 3)).isEqualTo(0.0);
    }

    @Test
    void averagePrecisionAveragesPrecisionAtEachHitOverMinRelevantK() {
        assertThat(new AveragePrecision().compute(HITS, 5, 5, 3)).isCloseTo((1 / 2.0 + 2 / 4.0) / 3, within(1e-12));
        assertThat(new AveragePrecision().compute(HITS, 5, 2, 3)).isCloseTo((1 / 2.0) / 2, within(1e-12));
    }

    @Test
    void metricsAreZeroWhenNothingIsHit() {
        boolean[] none = new boolean[5];
        for (String name : MetricSpec.AT_K) {
            assertThat(RankingMetric.named(name).compute(none, 5, 5, 2)).as(name).isEqualTo(0.0);
        }
    }
}
