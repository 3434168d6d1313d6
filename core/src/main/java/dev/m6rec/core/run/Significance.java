package dev.m6rec.core.run;

import dev.m6rec.core.stats.PairedTest;
import java.util.Objects;

/**
 * A model against the baseline on one metric, over the same users: the paired t-test and the
 * Wilcoxon signed-rank test, each with its p-value after Holm's correction over the models
 * compared with the baseline.
 */
public record Significance(PairedTest tTest, double tTestHolm, PairedTest wilcoxon, double wilcoxonHolm) {
    /** The level the table's marks use. */
    public static final double ALPHA = 0.05;

    public Significance {
        Objects.requireNonNull(tTest, "tTest is null");
        Objects.requireNonNull(wilcoxon, "wilcoxon is null");
    }

    /** "*" when both corrected tests reject at {@link #ALPHA}, "~" when one does, "" otherwise. */
    public String mark() {
        int rejected = (tTestHolm < ALPHA ? 1 : 0) + (wilcoxonHolm < ALPHA ? 1 : 0);
        return rejected == 2 ? "*" : rejected == 1 ? "~" : "";
    }

    /** A p-value as tables print it: small ones in scientific notation, so that they do not all read 0.0000. */
    public static String formatP(double p) {
        return Double.isNaN(p) ? "-" : p < 1e-4 ? String.format("%.1e", p) : String.format("%.4f", p);
    }
}
