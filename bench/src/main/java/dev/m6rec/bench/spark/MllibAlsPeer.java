package dev.m6rec.bench.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The peer: Spark MLlib's ALS used the way its documentation shows ("Collaborative Filtering" in
 * the MLlib guide: a ratings DataFrame of integer {@code userId, movieId, rating}, {@code ALS.fit},
 * then {@code recommendForAllUsers}), on the same training rows as M6-Rec (the Spark split's train
 * part, written as Parquet with MovieLens's columns) and the same {@link AlsParameters}.
 */
final class MllibAlsPeer {
    private final SparkSession spark;
    private final AlsParameters als;
    private final long seed;
    private ALSModel model;

    MllibAlsPeer(SparkSession spark, AlsParameters als, long seed) {
        this.spark = spark;
        this.als = als;
        this.seed = seed;
    }

    /** The train part of {@code labelled} (M6RecSteps's split) as Parquet at {@code dir}; returns its rows. */
    static long writeTrainingSet(Dataset<Row> labelled, Path dir, long trainRows) {
        labelled.filter(col("part").equalTo(0))
                .select(col("user").cast("int").as("userId"), col("item").cast("int").as("movieId"), col("rating"),
                        col("timestamp"))
                .write().parquet(dir.toUri().toString());
        return trainRows;
    }

    /**
     * An untimed-in-the-ratios {@code ALS.fit} of two iterations on a 5% sample, before either side
     * trains: both sides run MLlib's ALS code, and whichever ran first would otherwise pay the JIT
     * compilation of its inner loops alone. Returns the sample's rows.
     */
    long warmUp(Path trainParquet) {
        Dataset<Row> sample = spark.read().parquet(trainParquet.toUri().toString()).sample(0.05, seed);
        new ALS().setRank(als.rank()).setMaxIter(2).setRegParam(als.regularization()).setImplicitPrefs(true)
                .setAlpha(als.alpha()).setSeed(seed).setUserCol("userId").setItemCol("movieId").setRatingCol("rating")
                .fit(sample);
        return sample.count();
    }

    /** {@code ALS.fit} on the Parquet; MLlib materialises both factor tables before it returns. */
    void fit(Path trainParquet) {
        Dataset<Row> ratings = spark.read().parquet(trainParquet.toUri().toString());
        ALS estimator = new ALS().setRank(als.rank()).setMaxIter(als.iterations()).setRegParam(als.regularization())
                .setImplicitPrefs(true).setAlpha(als.alpha()).setSeed(seed)
                .setUserCol("userId").setItemCol("movieId").setRatingCol("rating");
        model = estimator.fit(ratings);
    }

    /** {@code recommendForAllUsers(k)} written as Parquet; returns the users listed. */
    long recommendForAllUsers(int k, Path out) {
        Dataset<Row> lists = model.recommendForAllUsers(k);
        lists.write().parquet(out.toUri().toString());
        return spark.read().parquet(out.toUri().toString()).count();
    }
}
