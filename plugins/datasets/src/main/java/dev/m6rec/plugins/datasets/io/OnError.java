package dev.m6rec.plugins.datasets.io;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigSchema;
import java.util.Locale;

/**
 * What a loader does with a malformed line: {@code fail} (the default) stops with a
 * {@link dev.m6rec.api.DataException} naming file and line; {@code skip} drops the line and counts
 * it in the dataset's load counts. Problems with a whole file (missing, empty, missing column)
 * always fail.
 *
 * <pre>{@code
 * data: { type: movielens, path: data/ml-1m, on-error: skip }
 * }</pre>
 */
public enum OnError {
    FAIL,
    SKIP;

    /** The config key every file loader declares. */
    public static final String KEY = "on-error";

    /** Declares {@code on-error} on a loader's schema. */
    public static ConfigSchema.Builder declare(ConfigSchema.Builder schema) {
        return schema.stringParam(KEY, "fail",
                        "a malformed line: fail (stop, naming file and line) or skip (drop it and count it)")
                .oneOf("fail", "skip");
    }

    /** The policy a validated config asks for. */
    public static OnError of(ComponentConfig config) {
        return valueOf(config.getString(KEY).toUpperCase(Locale.ROOT));
    }
}
