package dev.m6rec.spark;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.plugins.spark.SparkSessions;
import dev.m6rec.runtime.BatchTopKJob;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * {@code m6rec batch-topk} on Spark: joins or starts the JVM's session ({@link SparkSessions}: under
 * spark-submit its master wins, else the request's, else {@code local[*]}) and runs {@link BatchTopK}.
 * Found by the runtime's CLI through {@code META-INF/services}.
 */
public final class SparkBatchTopKJob implements BatchTopKJob {
    /** Users scored together in one block: large enough for a GEMM, small enough for a task's memory. */
    static final int BLOCK_USERS = 256;

    @Override
    public Summary run(Request request) {
        SparkSettings settings = new SparkSettings(request.master().orElse(SparkSettings.DEFAULT_MASTER), request.conf());
        SparkSession spark = SparkSessions.obtain(Optional.of(settings));
        BatchTopK.Summary summary = BatchTopK.run(spark, request.artifact(),
                new BatchTopK.Options(request.k(), BLOCK_USERS, 0, request.formats()), request.output());
        return new Summary(summary.users(), summary.rows(), List.copyOf(summary.folders().values()));
    }
}
