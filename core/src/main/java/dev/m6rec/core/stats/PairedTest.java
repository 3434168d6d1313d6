package dev.m6rec.core.stats;

/**
 * The outcome of a two-sided paired test of two models' per-user values.
 *
 * @param statistic t for the t-test; for Wilcoxon the smaller of the positive and negative rank
 *                  sums (what scipy reports)
 * @param p         the two-sided p-value; NaN when the test is undefined (fewer than two users, or
 *                  every difference equal)
 * @param n         the pairs the test used (for Wilcoxon, those with a non-zero difference)
 */
public record PairedTest(double statistic, double p, int n) {
}
