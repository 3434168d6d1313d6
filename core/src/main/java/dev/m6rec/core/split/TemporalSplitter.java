package dev.m6rec.core.split;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.util.Arrays;
import java.util.Objects;

/**
 * One global cut through time, the same for every user: interactions before the validation
 * cut-off train, those between the two cut-offs validate, the rest test. Nothing random, so the
 * same data always gives the same split. Users first seen after a cut-off are cold in that part,
 * which is the point of the protocol (no training on the future).
 */
final class TemporalSplitter implements DatasetSplitter {
    private final String path;
    private final TimeCutoff validFrom;
    private final TimeCutoff testFrom;

    /**
     * @param path      the split section's path, for messages
     * @param validFrom where validation starts, or null for no validation part
     * @param testFrom  where test starts
     */
    TemporalSplitter(String path, TimeCutoff validFrom, TimeCutoff testFrom) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.validFrom = validFrom;
        this.testFrom = Objects.requireNonNull(testFrom, "testFrom is null");
    }

    @Override
    public DataSplit split(Dataset dataset) {
        Interactions all = dataset.interactions();
        if (!all.hasTimestamps()) {
            throw new ConfigException(path, "type 'temporal' needs timestamps, and dataset '" + dataset.name()
                    + "' has none");
        }
        int n = all.size();
        if (n == 0) {
            throw new ConfigException(path, "dataset '" + dataset.name() + "' has no interactions to split");
        }
        long[] sorted = new long[n];
        for (int row = 0; row < n; row++) {
            sorted[row] = all.timestamp(row);
        }
        Arrays.sort(sorted);
        long testAt = testFrom.resolve(sorted);
        long validAt = validFrom == null ? testAt : validFrom.resolve(sorted);
        if (validAt > testAt) {
            throw new ConfigException(path + "." + validFrom.key(), "the validation cut-off " + TimeCutoff.show(validAt)
                    + " is after the test cut-off " + TimeCutoff.show(testAt));
        }
        if (sorted[n - 1] < testAt) {
            throw new ConfigException(path + "." + testFrom.key(), "no interaction is at or after the cut-off "
                    + TimeCutoff.show(testAt) + "; the data spans " + span(sorted));
        }
        if (sorted[0] >= validAt) {
            TimeCutoff first = validFrom == null ? testFrom : validFrom;
            throw new ConfigException(path + "." + first.key(), "no interaction is before the cut-off "
                    + TimeCutoff.show(validAt) + " to train on; the data spans " + span(sorted));
        }
        byte[] part = new byte[n];
        for (int row = 0; row < n; row++) {
            long t = all.timestamp(row);
            part[row] = (byte) (t >= testAt ? 2 : t >= validAt ? 1 : 0);
        }
        return SplitOrder.partition(dataset, part);
    }

    private static String span(long[] sorted) {
        return TimeCutoff.show(sorted[0]) + " to " + TimeCutoff.show(sorted[sorted.length - 1]);
    }
}
