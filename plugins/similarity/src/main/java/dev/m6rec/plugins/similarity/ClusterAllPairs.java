package dev.m6rec.plugins.similarity;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * An engine that runs the all-pairs top-k over interactions on a cluster, found through
 * {@link ServiceLoader} so that this plugin never depends on the cluster's libraries (the
 * {@code spark} plugin provides one). A similarity over interactions fits on it when the run has
 * a {@code spark:} section; the engine must give exactly the lists {@link SparseAllPairs} gives,
 * which {@link NeighbourTile} makes easy: cut the query and candidate items into ranges, feed each
 * tile the rows of the users who touched its query items, and merge each item's tiles.
 *
 * <pre>{@code
 * public void topK(SparseAllPairsJob job, PluginContext context) {
 *     // ship job.offsets()/userIndexes()/values() and job.pairScore(), run NeighbourTiles,
 *     // then job.setNeighbours(item, keys) for every item with neighbours
 * }
 * }</pre>
 */
public interface ClusterAllPairs {

    /** The engine's name, e.g. {@code spark}. */
    String name();

    /** Computes every item's list of {@code job} and hands each to {@link SparseAllPairsJob#setNeighbours}. */
    void topK(SparseAllPairsJob job, PluginContext context);

    /**
     * The one engine on the class path; {@code path} is the config key that asked for it (the
     * {@code spark} section), named in the error when there is none or more than one.
     */
    static ClusterAllPairs installed(String path) {
        List<ClusterAllPairs> found = new ArrayList<>();
        ServiceLoader.load(ClusterAllPairs.class, ClusterAllPairs.class.getClassLoader()).forEach(found::add);
        if (found.size() != 1) {
            throw new ConfigException(path, "the similarity over interactions fits on the cluster, which needs exactly "
                    + "one all-pairs engine on the class path (the spark plugin); found "
                    + found.stream().map(ClusterAllPairs::name).toList());
        }
        return found.get(0);
    }
}
