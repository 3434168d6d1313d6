package dev.m6rec.plugins.spark;

import dev.m6rec.api.PluginContext;
import dev.m6rec.plugins.similarity.ClusterAllPairs;
import dev.m6rec.plugins.similarity.SparseAllPairsJob;

/**
 * The similarity plugin's cluster engine (found through {@code META-INF/services}): the all-pairs
 * pass over interactions as a job on the run's Spark session. Spark's classes load only when a run
 * with a {@code spark:} section calls it.
 */
public final class SparkClusterAllPairs implements ClusterAllPairs {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void topK(SparseAllPairsJob job, PluginContext context) {
        SparkAllPairs.run(SparkSessions.obtain(context.spark()), job);
    }
}
