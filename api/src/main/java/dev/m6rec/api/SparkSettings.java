package dev.m6rec.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The run's {@code spark:} section: where the heavy steps of a pipeline run when a component trains
 * on Apache Spark. A config without the section never starts Spark. Plain JDK types, so a plugin sees
 * it without Spark on its class path.
 *
 * <pre>{@code
 * spark:
 *   master: local[*]                       # or spark://host:7077; spark-submit's --master wins
 *   conf: { spark.executor.memory: 2g }
 * }</pre>
 *
 * @param master where the driver connects ({@code local[*]}, {@code local[N]}, {@code spark://HOST:PORT}, ...)
 * @param conf   Spark configuration entries, applied as given over the defaults M6-Rec sets
 */
public record SparkSettings(String master, Map<String, String> conf) {
    /** The master used when the section gives none: an embedded Spark on every core. */
    public static final String DEFAULT_MASTER = "local[*]";

    public SparkSettings {
        Objects.requireNonNull(master, "master is null");
        conf = Map.copyOf(new TreeMap<>(Objects.requireNonNull(conf, "conf is null")));
    }
}
