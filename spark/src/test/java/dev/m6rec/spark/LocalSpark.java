package dev.m6rec.spark;

import dev.m6rec.api.SparkSettings;
import dev.m6rec.plugins.spark.SparkSessions;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * The embedded {@code local[2]} Spark the job tests share, joined or started through
 * {@link SparkSessions} (loopback, no UI) and left running for the next test class: a session's
 * start costs more than most of these tests.
 */
final class LocalSpark {
    private static final SparkSettings LOCAL_2 = new SparkSettings("local[2]", Map.of("spark.sql.shuffle.partitions", "3",
            "spark.default.parallelism", "2"));

    private LocalSpark() {
    }

    static SparkSession session() {
        return SparkSessions.obtain(Optional.of(LOCAL_2));
    }
}
