package dev.m6rec.plugins.spark;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.data.Interactions;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains {@link AlsSettings} with Spark MLlib's {@link ALS} and copies the factors into M6-Rec's
 * own tables ({@link AlsFactors}); the MLlib model is dropped. The only class of the {@code als}
 * model that needs Spark.
 */
final class MllibAls {
    /** Interactions per partition of the training DataFrame. */
    private static final int CHUNK_ROWS = 1 << 16;

    private MllibAls() {
    }

    static AlsFactors train(AlsSettings settings, PluginContext context, Interactions train, int numUsers,
                            int numItems) {
        SparkSession spark = SparkSessions.obtain(context.spark());
        if (settings.checkpointDir() != null) {
            spark.sparkContext().setCheckpointDir(settings.checkpointDir().toString());
        }
        Dataset<Row> ratings = ratings(spark, train).cache();
        try {
            ALS als = new ALS().setUserCol("user").setItemCol("item").setRatingCol("rating")
                    .setRank(settings.rank()).setMaxIter(settings.iterations()).setRegParam(settings.regularization())
                    .setImplicitPrefs(settings.feedback() == AlsSettings.Feedback.IMPLICIT).setAlpha(settings.alpha())
                    .setNonnegative(settings.nonnegative())
                    .setCheckpointInterval(settings.checkpointInterval() > 0 ? settings.checkpointInterval() : -1)
                    .setSeed(context.random("als-init").nextLong());
            if (settings.blocks() > 0) {
                als.setNumBlocks(settings.blocks());
            }
            ALSModel model = als.fit(ratings);
            int[] trainedUsers = new int[numUsers];
            float[] userFactors = collect(model.userFactors(), numUsers, settings.rank(), trainedUsers);
            float[] itemFactors = collect(model.itemFactors(), numItems, settings.rank(), new int[numItems]);
            return new AlsFactors(numUsers, numItems, settings.rank(), userFactors, itemFactors, trainedUsers,
                    AlsFactors.popularity(train.itemCounts()));
        } finally {
            ratings.unpersist();
        }
    }

    private static Dataset<Row> ratings(SparkSession spark, Interactions train) {
        List<RatingChunk> chunks = RatingChunk.of(train, CHUNK_ROWS);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(chunks, Math.max(1, chunks.size())).flatMap(RatingChunk::rows);
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        return spark.createDataFrame(rows, schema);
    }

    /** MLlib's {@code (id, features)} rows into a row-major table; {@code seen[id]} becomes 1 for each row. */
    private static float[] collect(Dataset<Row> factors, int count, int rank, int[] seen) {
        float[] table = new float[count * rank];
        List<FactorChunk> chunks = factors.javaRDD()
                .mapPartitions(rows -> List.of(FactorChunk.of(rows, rank)).iterator()).collect();
        for (FactorChunk chunk : chunks) {
            chunk.copyInto(table, rank, seen);
        }
        return table;
    }
}
