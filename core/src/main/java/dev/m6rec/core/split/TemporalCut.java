package dev.m6rec.core.split;

import dev.m6rec.api.ConfigException;
import java.util.Objects;

/**
 * Where a {@code temporal} split cuts a dataset, resolved against its sorted timestamps: the
 * validation and test cut-offs, with the configuration errors of data they cannot cut. Shared by
 * the single-machine splitter (a sorted array) and a distributed one (a sorted column read by
 * position), so both cut alike and say the same.
 *
 * <pre>{@code
 * long[] cut = TemporalCut.of(settings, "split").resolve("ratings", true, SortedTimes.of(sorted));
 * byte part = TemporalCut.part(timestamp, cut); // 0 train, 1 valid, 2 test
 * }</pre>
 */
public final class TemporalCut {
    /** The data's timestamps in ascending order, read by position. */
    public interface SortedTimes {
        long size();

        /** The timestamp at 0-based {@code position} of the ascending order. */
        long at(long position);

        static SortedTimes of(long[] sorted) {
            return new SortedTimes() {
                @Override
                public long size() {
                    return sorted.length;
                }

                @Override
                public long at(long position) {
                    return sorted[(int) position];
                }
            };
        }
    }

    private final String path;
    private final TimeCutoff validFrom;
    private final TimeCutoff testFrom;

    /**
     * @param path      the split section's path, for messages
     * @param validFrom where validation starts, or null for no validation part
     * @param testFrom  where test starts
     */
    TemporalCut(String path, TimeCutoff validFrom, TimeCutoff testFrom) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.validFrom = validFrom;
        this.testFrom = Objects.requireNonNull(testFrom, "testFrom is null");
    }

    /** The cut of a checked {@code temporal} section at {@code path}. */
    public static TemporalCut of(TemporalSplitterFactory.Settings settings, String path) {
        return TemporalSplitterFactory.cut(settings, path);
    }

    /**
     * The cut-offs {@code {validAt, testAt}} in epoch seconds (equal when there is no validation part).
     *
     * @throws ConfigException when the data has no timestamps or rows, or a cut-off leaves a part empty
     */
    public long[] resolve(String datasetName, boolean hasTimestamps, SortedTimes sorted) {
        if (!hasTimestamps) {
            throw new ConfigException(path, "type 'temporal' needs timestamps, and dataset '" + datasetName
                    + "' has none");
        }
        long n = sorted.size();
        if (n == 0) {
            throw new ConfigException(path, "dataset '" + datasetName + "' has no interactions to split");
        }
        long testAt = testFrom.resolve(sorted);
        long validAt = validFrom == null ? testAt : validFrom.resolve(sorted);
        if (validAt > testAt) {
            throw new ConfigException(path + "." + validFrom.key(), "the validation cut-off " + TimeCutoff.show(validAt)
                    + " is after the test cut-off " + TimeCutoff.show(testAt));
        }
        long first = sorted.at(0);
        long last = sorted.at(n - 1);
        if (last < testAt) {
            throw new ConfigException(path + "." + testFrom.key(), "no interaction is at or after the cut-off "
                    + TimeCutoff.show(testAt) + "; the data spans " + span(first, last));
        }
        if (first >= validAt) {
            TimeCutoff firstCut = validFrom == null ? testFrom : validFrom;
            throw new ConfigException(path + "." + firstCut.key(), "no interaction is before the cut-off "
                    + TimeCutoff.show(validAt) + " to train on; the data spans " + span(first, last));
        }
        return new long[] {validAt, testAt};
    }

    /** The part of a row at time {@code t}: 0 train, 1 valid, 2 test. */
    public static byte part(long t, long[] cut) {
        return (byte) (t >= cut[1] ? 2 : t >= cut[0] ? 1 : 0);
    }

    private static String span(long first, long last) {
        return TimeCutoff.show(first) + " to " + TimeCutoff.show(last);
    }
}
