package dev.m6rec.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The expected values were computed once with SciPy 1.17.1 (Debian python3-scipy):
 * <pre>
 * from scipy import stats
 * stats.ttest_rel(x, y)                                                      # statistic, pvalue
 * stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx")
 * </pre>
 * on the fixtures below (NDCG-like values with ties and zero differences; HR's 0/1 values).
 */
class SignificanceTestsTest {
    private static final double[] NDCG_A = {0.5, 0.0, 1.0, 0.3869, 0.6309, 0.0, 0.4307, 1.0, 0.0, 0.5, 0.3333, 0.0,
            0.6309, 0.2891, 1.0, 0.0, 0.5, 0.4307, 0.0, 0.3155};
    private static final double[] NDCG_B = {0.3869, 0.0, 0.5, 0.3869, 0.0, 0.3155, 0.5, 1.0, 0.0, 0.0, 0.3333, 0.2891,
            0.5, 0.0, 0.6309, 0.0, 0.3869, 0.0, 0.0, 0.5};
    private static final double[] HR_A = {1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1,
            1, 1, 1, 0};
    private static final double[] HR_B = {0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1,
            0, 1, 1, 0};

    @Test
    void pairedTTestAgreesWithScipy() {
        PairedTest ndcg = PairedTTest.test(NDCG_A, NDCG_B);
        assertThat(ndcg.statistic()).isCloseTo(1.880679394317319, within(1e-6));
        assertThat(ndcg.p()).isCloseTo(0.07543379603631278, within(1e-6));
        assertThat(ndcg.n()).isEqualTo(20);
        PairedTest hr = PairedTTest.test(HR_A, HR_B);
        assertThat(hr.statistic()).isCloseTo(3.5254179083580186, within(1e-6));
        assertThat(hr.p()).isCloseTo(0.0014258274179025628, within(1e-6));
    }

    @Test
    void wilcoxonAgreesWithScipy() {
        PairedTest ndcg = WilcoxonSignedRankTest.test(NDCG_A, NDCG_B);
        assertThat(ndcg.statistic()).isCloseTo(20.5, within(1e-9));
        assertThat(ndcg.p()).isCloseTo(0.08033535986619939, within(1e-6));
        // 7 of the 20 pairs are equal and dropped.
        assertThat(ndcg.n()).isEqualTo(13);
        PairedTest hr = WilcoxonSignedRankTest.test(HR_A, HR_B);
        assertThat(hr.statistic()).isCloseTo(0.0, within(1e-9));
        assertThat(hr.p()).isCloseTo(0.0026997960632601866, within(1e-6));
    }

    @Test
    void testsAreSymmetricInTheirArguments() {
        assertThat(WilcoxonSignedRankTest.test(NDCG_B, NDCG_A).p()).isEqualTo(WilcoxonSignedRankTest.test(NDCG_A, NDCG_B).p());
        assertThat(PairedTTest.test(NDCG_B, NDCG_A).statistic()).isCloseTo(-1.880679394317319, within(1e-6));
    }

    @Test
    void identicalModelsGiveNoPValueRatherThanAMadeUpOne() {
        assertThat(PairedTTest.test(HR_A, HR_A).p()).isNaN();
        assertThat(WilcoxonSignedRankTest.test(HR_A, HR_A).p()).isNaN();
        assertThat(WilcoxonSignedRankTest.test(HR_A, HR_A).n()).isZero();
    }

    @Test
    void holmAdjustsStepDownAndKeepsTheOrder() {
        // m = 4: sorted 0.01, 0.02, 0.03, 0.04 -> 0.04, 0.06, 0.06 (monotone), 0.06 (max of 0.04 and 0.06).
        double[] adjusted = HolmCorrection.adjust(new double[] {0.03, 0.01, 0.04, 0.02});
        assertThat(adjusted).containsExactly(new double[] {0.06, 0.04, 0.06, 0.06}, within(1e-12));
        // NaN stays out of the family: the other two are a family of two.
        assertThat(HolmCorrection.adjust(new double[] {Double.NaN, 0.2, 0.6})).containsExactly(
                new double[] {Double.NaN, 0.4, 0.6}, within(1e-12));
        assertThat(HolmCorrection.adjust(new double[] {0.5, 0.9})).containsExactly(new double[] {1.0, 1.0}, within(0.0));
    }

    @Test
    void bootstrapIntervalIsSeededAndHoldsTheMean() {
        double[] values = new double[400];
        SplittableRandom data = new SplittableRandom(1);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = data.nextDouble() < 0.3 ? 1 : 0;
            sum += values[i];
        }
        double mean = sum / values.length;
        BootstrapInterval ci = BootstrapInterval.ofMean(values, 0.95, 1000, new SplittableRandom(7));
        assertThat(ci).isEqualTo(BootstrapInterval.ofMean(values, 0.95, 1000, new SplittableRandom(7)));
        assertThat(ci.low()).isLessThan(mean);
        assertThat(ci.high()).isGreaterThan(mean);
        // The standard error of a 0/1 mean over 400 users is about 0.023: the 95% interval spans about 0.09.
        assertThat(ci.high() - ci.low()).isBetween(0.06, 0.12);
    }
}
