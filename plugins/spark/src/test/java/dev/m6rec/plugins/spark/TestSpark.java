package dev.m6rec.plugins.spark;

import dev.m6rec.api.SparkSettings;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/** The tests' embedded Spark: two cores, started once per test JVM through the plugin's own path. */
final class TestSpark {
    static final SparkSettings LOCAL_2 = new SparkSettings("local[2]", Map.of("spark.sql.shuffle.partitions", "2",
            "spark.default.parallelism", "2"));

    private TestSpark() {
    }

    static SparkSession session() {
        return SparkSessions.obtain(Optional.of(LOCAL_2));
    }
}
