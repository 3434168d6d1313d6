package dev.m6rec.core.config;

import java.util.regex.Pattern;

/**
 * The Spark master URLs M6-Rec accepts, checked without Spark on the class path so that a typo in
 * the {@code spark.master} key or a {@code --master} option fails before a session starts (Spark
 * itself would only say so after seconds of start-up, with a stack trace).
 */
public final class SparkMasterUrl {
    /** The accepted forms, as a message lists them. */
    public static final String EXPECTED = "local[*], local[N], spark://HOST:PORT, yarn or k8s://URL";
    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?]|spark://[^\\s/:,]+:[0-9]+(,[^\\s/:,]+:[0-9]+)*|yarn"
                    + "|k8s://\\S+");

    private SparkMasterUrl() {
    }

    public static boolean isKnown(String master) {
        return MASTER.matcher(master).matches();
    }

    /** The problem text for an unknown master, without the key that named it. */
    public static String unknown(String master) {
        return "unknown master '" + master + "'; expected " + EXPECTED;
    }
}
