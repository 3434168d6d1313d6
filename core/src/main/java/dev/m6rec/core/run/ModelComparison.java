package dev.m6rec.core.run;

import dev.m6rec.core.eval.PerUserValues;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.stats.BootstrapInterval;
import dev.m6rec.core.stats.HolmCorrection;
import dev.m6rec.core.stats.PairedTTest;
import dev.m6rec.core.stats.PairedTest;
import dev.m6rec.core.stats.WilcoxonSignedRankTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link ModelTable} of a comparison. On one split: bootstrap intervals over users, and
 * each model against the first (the baseline) on the users both ranked, by the paired t-test and
 * the Wilcoxon signed-rank test, Holm-corrected per metric over the models. Over k folds: mean and
 * sample standard deviation of every metric and time.
 */
final class ModelComparison {
    private ModelComparison() {
    }

    /**
     * @param outcomes  one per model, on the same split, the baseline first
     * @param exposures head/tail exposure per model (same order)
     * @param context   the run's context: the bootstrap's seeded draws come from it
     */
    static ModelTable ofSplit(List<String> metrics, List<ModelOutcome> outcomes, List<List<PopularityExposure>> exposures,
                              DefaultPluginContext context) {
        ModelOutcome baseline = outcomes.get(0);
        List<String> tested = baseline.perUser().metrics();
        // Per metric, the raw p-values of models 1..n-1, then corrected together.
        Map<String, PairedTest[]> tTests = new LinkedHashMap<>();
        Map<String, PairedTest[]> wilcoxon = new LinkedHashMap<>();
        for (String metric : tested) {
            PairedTest[] t = new PairedTest[outcomes.size()];
            PairedTest[] w = new PairedTest[outcomes.size()];
            for (int m = 1; m < outcomes.size(); m++) {
                double[][] pairs = paired(outcomes.get(m).perUser(), baseline.perUser(), metric);
                t[m] = PairedTTest.test(pairs[0], pairs[1]);
                w[m] = WilcoxonSignedRankTest.test(pairs[0], pairs[1]);
            }
            tTests.put(metric, t);
            wilcoxon.put(metric, w);
        }
        Map<String, double[]> tHolm = new LinkedHashMap<>();
        Map<String, double[]> wHolm = new LinkedHashMap<>();
        for (String metric : tested) {
            tHolm.put(metric, holm(tTests.get(metric)));
            wHolm.put(metric, holm(wilcoxon.get(metric)));
        }
        List<ModelRow> rows = new ArrayList<>();
        for (int m = 0; m < outcomes.size(); m++) {
            ModelOutcome outcome = outcomes.get(m);
            Map<String, BootstrapInterval> ci = new LinkedHashMap<>();
            Map<String, Significance> significance = new LinkedHashMap<>();
            for (String metric : tested) {
                double[] values = outcome.perUser().of(metric).orElseThrow();
                ci.put(metric, BootstrapInterval.ofMean(values, 0.95, BootstrapInterval.DEFAULT_RESAMPLES,
                        context.forComponent("evaluation").random("bootstrap " + outcome.name() + " " + metric)));
                if (m > 0) {
                    significance.put(metric, new Significance(tTests.get(metric)[m], tHolm.get(metric)[m],
                            wilcoxon.get(metric)[m], wHolm.get(metric)[m]));
                }
            }
            rows.add(new ModelRow(outcome.name(), outcome.type(), outcome.fitMillis() / 1000.0,
                    outcome.evaluateMillis() / 1000.0, outcome.valid(), outcome.test(), Map.of(), Map.of(), ci,
                    significance, outcome.groups(), exposures.get(m)));
        }
        return new ModelTable(baseline.name(), 1, metrics, rows);
    }

    /** @param byModel per model, its outcome on each fold (the baseline first) */
    static ModelTable ofFolds(List<String> metrics, List<List<ModelOutcome>> byModel) {
        List<ModelRow> rows = new ArrayList<>();
        for (List<ModelOutcome> folds : byModel) {
            ModelOutcome first = folds.get(0);
            rows.add(new ModelRow(first.name(), first.type(),
                    mean(folds.stream().mapToDouble(o -> o.fitMillis() / 1000.0).toArray()),
                    mean(folds.stream().mapToDouble(o -> o.evaluateMillis() / 1000.0).toArray()),
                    summarise(metrics, folds, true, false), summarise(metrics, folds, false, false),
                    summarise(metrics, folds, true, true), summarise(metrics, folds, false, true),
                    Map.of(), Map.of(), List.of(), List.of()));
        }
        return new ModelTable(byModel.get(0).get(0).name(), byModel.get(0).size(), metrics, rows);
    }

    private static Map<String, Double> summarise(List<String> metrics, List<ModelOutcome> folds, boolean valid,
                                                 boolean sd) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String metric : metrics) {
            double[] values = folds.stream().mapToDouble(o -> (valid ? o.valid() : o.test()).getOrDefault(metric,
                    Double.NaN)).toArray();
            out.put(metric, sd ? sd(values) : mean(values));
        }
        return out;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** The sample standard deviation (n - 1), NaN below two values. */
    static double sd(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    private static double[] holm(PairedTest[] tests) {
        double[] p = new double[tests.length];
        p[0] = Double.NaN;
        for (int m = 1; m < tests.length; m++) {
            p[m] = tests[m].p();
        }
        return HolmCorrection.adjust(p);
    }

    /**
     * The values of {@code metric} of the users both passes ranked, aligned: {@code [model, baseline]}.
     * On one split every model ranks the same users; the merge keeps the pairing honest if not.
     */
    static double[][] paired(PerUserValues model, PerUserValues baseline, String metric) {
        double[] a = model.of(metric).orElseThrow();
        double[] b = baseline.of(metric).orElseThrow();
        int[] ua = model.users();
        int[] ub = baseline.users();
        double[] x = new double[Math.min(ua.length, ub.length)];
        double[] y = new double[x.length];
        int n = 0;
        for (int i = 0, j = 0; i < ua.length && j < ub.length; ) {
            if (ua[i] == ub[j]) {
                x[n] = a[i++];
                y[n++] = b[j++];
            } else if (ua[i] < ub[j]) {
                i++;
            } else {
                j++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)};
    }
}
