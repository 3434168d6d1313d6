package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code split: { type: temporal, valid-from: 2019-12-01, test-from: 2020-01-01 }} or
 * {@code split: { type: temporal, valid-quantile: 0.8, test-quantile: 0.9 }}: one global cut
 * through time. Times are epoch seconds or ISO dates (UTC unless an offset is given).
 */
public final class TemporalSplitterFactory implements DatasetSplitterFactory {
    private static final String TIME = "epoch seconds or an ISO date/date-time, UTC unless an offset is given";

    @Override
    public String name() {
        return "temporal";
    }

    @Override
    public String description() {
        return "a global cut-off time: older interactions train, newer ones validate and test";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("test-from", null, "test holds the interactions at or after this time (" + TIME + ")")
                .floatParam("test-quantile", null, "instead of test-from: the cut-off is this quantile of the timestamps "
                        + "(0.9: about the newest 10% to test)").greaterThan(0).lessThan(1)
                .stringParam("valid-from", null, "validation holds the interactions from this time until test-from "
                        + "(default: no validation part)")
                .floatParam("valid-quantile", null, "instead of valid-from: the validation cut-off as a quantile of the "
                        + "timestamps").greaterThan(0).lessThan(1)
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.isSet("test-from") == config.isSet("test-quantile")) {
            problems.add(config.isSet("test-from")
                    ? new ConfigProblem("test-quantile", "give test-from or test-quantile, not both")
                    : new ConfigProblem("test-from",
                            "required: give test-from (a time) or test-quantile (a share of the timeline)"));
        }
        if (config.isSet("valid-from") && config.isSet("valid-quantile")) {
            problems.add(new ConfigProblem("valid-quantile", "give valid-from or valid-quantile, not both"));
        }
        Long testAt = seconds(config, "test-from", problems);
        Long validAt = seconds(config, "valid-from", problems);
        if (testAt != null && validAt != null && validAt >= testAt) {
            problems.add(new ConfigProblem("valid-from", "must be before test-from (was " + TimeCutoff.show(validAt)
                    + ", test-from " + TimeCutoff.show(testAt) + ")"));
        }
        if (config.isSet("valid-quantile") && config.isSet("test-quantile")
                && config.getDouble("valid-quantile") >= config.getDouble("test-quantile")) {
            problems.add(new ConfigProblem("valid-quantile", "must be below test-quantile (was "
                    + config.getDouble("valid-quantile") + ", test-quantile " + config.getDouble("test-quantile") + ")"));
        }
        return problems;
    }

    @Override
    public DatasetSplitter create(ComponentConfig config, PluginContext context) {
        return new TemporalSplitter(config.path(), cutoff(config, "valid"), cutoff(config, "test"));
    }

    /** The cut-off of one part ({@code valid} or {@code test}), or null when neither key is given. */
    private static TimeCutoff cutoff(ComponentConfig config, String part) {
        if (config.isSet(part + "-from")) {
            return TimeCutoff.at(part + "-from", TimeCutoff.parseSeconds(config.getString(part + "-from")));
        }
        if (config.isSet(part + "-quantile")) {
            return TimeCutoff.atQuantile(part + "-quantile", config.getDouble(part + "-quantile"));
        }
        return null;
    }

    private static Long seconds(ComponentConfig config, String key, List<ConfigProblem> problems) {
        if (!config.isSet(key)) {
            return null;
        }
        try {
            return TimeCutoff.parseSeconds(config.getString(key));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(key, e.getMessage()));
            return null;
        }
    }
}
