package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;

/**
 * {@code split: { type: temporal, valid-from: 2019-12-01, test-from: 2020-01-01 }} or
 * {@code split: { type: temporal, valid-quantile: 0.8, test-quantile: 0.9 }}: one global cut
 * through time. Times are epoch seconds or ISO dates (UTC unless an offset is given).
 */
public final class TemporalSplitterFactory implements DatasetSplitterFactory<TemporalSplitterFactory.Settings> {
    private static final String TIME = "epoch seconds or an ISO date/date-time, UTC unless an offset is given";

    /** The parameters of {@code temporal}: each cut-off as a time or as a quantile of the timestamps. */
    public record Settings(
            @Param("test holds the interactions at or after this time (" + TIME + ")") String testFrom,
            @Param(value = "instead of test-from: the cut-off is this quantile of the timestamps "
                    + "(0.9: about the newest 10% to test)", above = 0, below = 1) Double testQuantile,
            @Param("validation holds the interactions from this time until test-from (default: no validation part)")
            String validFrom,
            @Param(value = "instead of valid-from: the validation cut-off as a quantile of the timestamps",
                    above = 0, below = 1) Double validQuantile) {
    }

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public String description() {
        return "a global cut-off time: older interactions train, newer ones validate and test";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings s, Problems problems) {
        if ((s.testFrom() != null) == (s.testQuantile() != null)) {
            if (s.testFrom() != null) {
                problems.add("test-quantile", "give test-from or test-quantile, not both");
            } else {
                problems.add("test-from", "required: give test-from (a time) or test-quantile (a share of the timeline)");
            }
        }
        if (s.validFrom() != null && s.validQuantile() != null) {
            problems.add("valid-quantile", "give valid-from or valid-quantile, not both");
        }
        Long testAt = seconds("test-from", s.testFrom(), problems);
        Long validAt = seconds("valid-from", s.validFrom(), problems);
        if (testAt != null && validAt != null && validAt >= testAt) {
            problems.add("valid-from", "must be before test-from (was " + TimeCutoff.show(validAt)
                    + ", test-from " + TimeCutoff.show(testAt) + ")");
        }
        if (s.validQuantile() != null && s.testQuantile() != null && s.validQuantile() >= s.testQuantile()) {
            problems.add("valid-quantile", "must be below test-quantile (was " + s.validQuantile()
                    + ", test-quantile " + s.testQuantile() + ")");
        }
    }

    @Override
    public DatasetSplitter create(Settings s, PluginContext context) {
        return new TemporalSplitter(cut(s, context.componentPath()));
    }

    static TemporalCut cut(Settings s, String path) {
        return new TemporalCut(path, cutoff("valid", s.validFrom(), s.validQuantile()),
                cutoff("test", s.testFrom(), s.testQuantile()));
    }

    /** The cut-off of one part ({@code valid} or {@code test}), or null when neither key is given. */
    private static TimeCutoff cutoff(String part, String from, Double quantile) {
        if (from != null) {
            return TimeCutoff.at(part + "-from", TimeCutoff.parseSeconds(from));
        }
        if (quantile != null) {
            return TimeCutoff.atQuantile(part + "-quantile", quantile);
        }
        return null;
    }

    private static Long seconds(String key, String given, Problems problems) {
        if (given == null) {
            return null;
        }
        try {
            return TimeCutoff.parseSeconds(given);
        } catch (IllegalArgumentException e) {
            problems.add(key, e.getMessage());
            return null;
        }
    }
}
