package dev.m6rec.plugins.spark;

import dev.m6rec.plugins.similarity.InteractionPairScore;
import dev.m6rec.plugins.similarity.NeighbourTile;
import dev.m6rec.plugins.similarity.SparseAllPairsJob;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The exact all-pairs top-k over interactions as a Spark job, tile by tile (see
 * {@link AllPairsPlan}): the item columns go out in chunks; a shuffle by user makes users' rows;
 * each row is sliced to the tiles whose query items it touches ({@link UserRowSlicer}) and a second
 * shuffle brings each tile its slices; a task per tile runs a {@link NeighbourTile}; the partial
 * lists of an item from its candidate blocks are merged by key, and the driver collects n·k keys.
 * The pair formula and its per-item statistics (O(items)) travel as a broadcast.
 *
 * <p>Memory per task: one tile's slices as primitive arrays (bounded by the plan), accumulators over
 * one candidate block, and its query items' lists (k keys each); never an item-by-item matrix,
 * and no executor holds the whole interaction matrix unless a single tile needs it.
 */
final class SparkAllPairs {
    /** Entries per chunk of item columns the driver ships. */
    static final int CHUNK_ENTRIES = 1 << 18;

    private SparkAllPairs() {
    }

    /** Runs {@code job} on {@code spark} with the automatic plan and hands every item's list to the job. */
    static void run(SparkSession spark, SparseAllPairsJob job) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        run(spark, job, AllPairsPlan.automatic(job, sc.defaultParallelism()), CHUNK_ENTRIES);
    }

    /** As {@link #run(SparkSession, SparseAllPairsJob)} with a given plan and chunk size; tests cut small data finely. */
    static void run(SparkSession spark, SparseAllPairsJob job, AllPairsPlan plan, int chunkEntries) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<ItemColumnChunk> chunks = ItemColumnChunk.of(job, chunkEntries);
        if (chunks.isEmpty()) {
            return;
        }
        Broadcast<InteractionPairScore> pairScore = sc.broadcast(job.pairScore());
        int k = job.k();
        try {
            JavaPairRDD<Integer, long[]> lists = sc.parallelize(chunks, chunks.size())
                    .flatMapToPair(ItemColumnChunk::entries)
                    .repartitionAndSortWithinPartitions(new UserPartitioner(sc.defaultParallelism()))
                    .mapPartitionsToPair(entries -> new UserRowSlicer(plan, entries))
                    .partitionBy(new TilePartitioner(plan.tiles()))
                    .mapPartitionsWithIndex((tile, slices) -> tileLists(plan, tile, pairScore.value(), k, slices), true)
                    .mapToPair(list -> list);
            if (plan.candidateBlocks() > 1) {
                lists = lists.reduceByKey((a, b) -> NeighbourTile.merge(a, b, k), plan.queryBlocks());
            }
            for (Tuple2<Integer, long[]> list : lists.collect()) {
                job.setNeighbours(list._1(), list._2());
            }
        } finally {
            pairScore.destroy();
        }
    }

    /** One tile's task: its slices into a {@link NeighbourTile}, out as {@code (item, keys)} for items with neighbours. */
    private static Iterator<Tuple2<Integer, long[]>> tileLists(AllPairsPlan plan, int tile, InteractionPairScore score,
                                                               int k, Iterator<Tuple2<Integer, UserSlice>> slices) {
        int queryBlock = tile / plan.candidateBlocks();
        int candidateBlock = tile % plan.candidateBlocks();
        int queryFrom = plan.queryBounds()[queryBlock];
        NeighbourTile kernel = new NeighbourTile(score, k, queryFrom, plan.queryBounds()[queryBlock + 1],
                plan.candidateBounds()[candidateBlock], plan.candidateBounds()[candidateBlock + 1]);
        while (slices.hasNext()) {
            UserSlice s = slices.next()._2();
            kernel.add(s.user(), s.queryItems(), s.queryValues(), s.candidateItems(), s.candidateValues());
        }
        long[][] keys = kernel.topK();
        List<Tuple2<Integer, long[]>> out = new ArrayList<>();
        for (int li = 0; li < keys.length; li++) {
            if (keys[li].length > 0) {
                out.add(new Tuple2<>(queryFrom + li, keys[li]));
            }
        }
        return out.iterator();
    }
}
