package dev.m6rec.plugins.datasets.io;

/**
 * What a loader does with a malformed line: {@code fail} (the default) stops with a
 * {@link dev.m6rec.api.DataException} naming file and line; {@code skip} drops the line and counts
 * it in the dataset's load counts. Problems with a whole file (missing, empty, missing column)
 * always fail. Every file loader's settings declare it last:
 *
 * <pre>{@code
 * @Param(value = OnError.DESCRIPTION, def = "fail") OnError onError
 * }</pre>
 *
 * <pre>{@code
 * data: { type: movielens, path: data/ml-1m, on-error: skip }
 * }</pre>
 */
public enum OnError {
    FAIL,
    SKIP;

    /** The description of the {@code on-error} parameter. */
    public static final String DESCRIPTION =
            "a malformed line: fail (stop, naming file and line) or skip (drop it and count it)";
}
