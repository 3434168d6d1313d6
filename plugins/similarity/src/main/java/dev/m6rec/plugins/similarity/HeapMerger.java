package dev.m6rec.plugins.similarity;

import java.util.List;

/** Merges the workers' heaps into the final neighbour lists, one range of items per chunk. */
final class HeapMerger implements ParallelChunks.RangeWorker {
    private final NeighbourLists lists;
    private final List<NeighbourHeaps> heaps;
    private final long[] keys;

    HeapMerger(NeighbourLists lists, List<NeighbourHeaps> heaps) {
        this.lists = lists;
        this.heaps = List.copyOf(heaps);
        this.keys = new long[lists.k() * heaps.size()];
    }

    /** Merges every item's heaps into fresh lists, in parallel. */
    static NeighbourLists mergeAll(List<NeighbourHeaps> heaps, int items, int k, ParallelChunks parallel) {
        NeighbourLists lists = new NeighbourLists(items, k);
        parallel.run(items, Math.max(1, items / (parallel.threads() * 8)), () -> new HeapMerger(lists, heaps),
                ParallelChunks.NO_PROGRESS);
        return lists;
    }

    @Override
    public void process(int from, int to) {
        lists.merge(heaps, from, to, keys);
    }
}
