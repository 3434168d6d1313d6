package dev.m6rec.core.split;

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
    private final TemporalCut cut;

    TemporalSplitter(TemporalCut cut) {
        this.cut = Objects.requireNonNull(cut, "cut is null");
    }

    @Override
    public DataSplit split(Dataset dataset) {
        Interactions all = dataset.interactions();
        int n = all.size();
        long[] sorted = new long[all.hasTimestamps() ? n : 0];
        for (int row = 0; row < sorted.length; row++) {
            sorted[row] = all.timestamp(row);
        }
        Arrays.sort(sorted);
        long[] at = cut.resolve(dataset.name(), all.hasTimestamps(), TemporalCut.SortedTimes.of(sorted));
        byte[] part = new byte[n];
        for (int row = 0; row < n; row++) {
            part[row] = TemporalCut.part(all.timestamp(row), at);
        }
        return SplitOrder.partition(dataset, part);
    }
}
