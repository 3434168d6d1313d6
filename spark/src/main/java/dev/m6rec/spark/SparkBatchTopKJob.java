package dev.m6rec.spark;

import dev.m6rec.api.M6RecException;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.plugins.spark.SparkSessions;
import dev.m6rec.runtime.BatchTopKJob;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.sql.SparkSession;

/**
 * {@code m6rec batch-topk} on Spark: joins or starts the JVM's session ({@link SparkSessions}: under
 * spark-submit its master wins, else the request's, else {@code local[*]}) and runs {@link BatchTopK}.
 * Found by the runtime's CLI through {@code META-INF/services}.
 */
public final class SparkBatchTopKJob implements BatchTopKJob {
    /** Users scored together in one block: large enough for a GEMM, small enough for a task's memory. */
    static final int BLOCK_USERS = 256;
    /** Spark passes its {@code spark.hadoop.*} entries to Hadoop without the prefix; so does the check. */
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    @Override
    public void checkOutput(URI output, Set<Format> formats, Map<String, String> conf) {
        Configuration hadoop = new Configuration();
        conf.forEach((key, value) -> {
            if (key.startsWith(HADOOP_PREFIX)) {
                hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
            }
        });
        try {
            FileSystem fs = FileSystem.get(output, hadoop);
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(output);
            if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
                throw new M6RecException(output + " exists and is not a folder");
            }
            for (Format format : formats) {
                URI folder = format.under(output);
                if (fs.exists(new org.apache.hadoop.fs.Path(folder))) {
                    throw new M6RecException(folder + " already exists; remove it or choose another folder");
                }
            }
        } catch (UnsupportedFileSystemException e) {
            throw new M6RecException(output + ": no Hadoop file system for the scheme '" + output.getScheme()
                    + "' on the class path (file, hdfs and those of the cluster's Hadoop)");
        } catch (IOException e) {
            throw new M6RecException(output + ": cannot check it (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Summary run(Request request) {
        SparkSettings settings = new SparkSettings(request.master().orElse(SparkSettings.DEFAULT_MASTER), request.conf());
        SparkSession spark = SparkSessions.obtain(Optional.of(settings));
        BatchTopK.Summary summary = BatchTopK.run(spark, request.artifact(),
                new BatchTopK.Options(request.k(), BLOCK_USERS, 0, request.formats()), request.output());
        return new Summary(summary.users(), summary.rows(), List.copyOf(summary.folders().values()));
    }
}
