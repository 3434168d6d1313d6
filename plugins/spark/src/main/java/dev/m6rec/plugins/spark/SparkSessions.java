package dev.m6rec.plugins.spark;

import dev.m6rec.api.SparkSettings;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a JVM, joined or started from the run's {@code spark:} section. A session
 * that is already running (spark-submit's, a host's, an earlier run's) is reused as it is. A new one
 * takes spark-submit's master when it set one (the {@code spark.master} property), else the
 * section's; the section's conf entries come last and win. M6-Rec's defaults, which conf can
 * override: no web UI, and a local driver bound to loopback only.
 *
 * <pre>{@code
 * SparkSession spark = SparkSessions.obtain(context.spark());
 * }</pre>
 */
public final class SparkSessions {
    static final String APP_NAME = "m6rec";

    private SparkSessions() {
    }

    public static synchronized SparkSession obtain(Optional<SparkSettings> settings) {
        Optional<SparkSession> active = activeSession();
        if (active.isPresent()) {
            return active.get();
        }
        SparkSettings section = settings.orElse(new SparkSettings(SparkSettings.DEFAULT_MASTER, Map.of()));
        SparkConf conf = new SparkConf(); // reads the spark.* system properties spark-submit sets
        if (!conf.contains("spark.master")) {
            conf.setMaster(section.master());
        }
        conf.setIfMissing("spark.app.name", APP_NAME);
        conf.setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        section.conf().forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static Optional<SparkSession> activeSession() {
        scala.Option<SparkSession> session = SparkSession.getActiveSession();
        if (session.isEmpty()) {
            session = SparkSession.getDefaultSession();
        }
        return session.isDefined() && !session.get().sparkContext().isStopped()
                ? Optional.of(session.get()) : Optional.empty();
    }
}
