package dev.m6rec.plugins.datasets.atomic;

import dev.m6rec.api.config.Param;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code atomic} loader's section; {@code path} arrives resolved against the config file's folder.
 *
 * <pre>{@code
 * data: { type: atomic, path: dataset/ml-100k, rating-field: stars, text-fields: [movie_title] }
 * }</pre>
 */
public record AtomicSettings(
        @Param(value = "the folder holding the atomic files (relative to the config file)", required = true) Path path,
        @Param("the files' base name, NAME.inter etc. (default: the folder's name)") String name,
        @Param(value = "the field holding user ids", def = "user_id") String userField,
        @Param(value = "the field holding item ids", def = "item_id") String itemField,
        @Param(value = "the inter field holding ratings (optional unless set)", def = AtomicSettings.RATING)
        String ratingField,
        @Param(value = "the inter field holding timestamps in seconds (optional unless set)",
                def = AtomicSettings.TIMESTAMP) String timestampField,
        @Param(value = "float_seq fields: expand (one numeric column per position, name[0], name[1], ...) or skip",
                def = "expand", oneOf = {"expand", "skip"}) String floatSeq,
        @Param(value = "user/item fields to read as free text (e.g. a token_seq title)", def = "[]")
        List<String> textFields,
        @Param(value = OnError.DESCRIPTION, def = "fail") OnError onError) {
    static final String RATING = "rating";
    static final String TIMESTAMP = "timestamp";

    /** The files' base name: {@code name}, or the folder's name. */
    String baseName() {
        if (name != null) {
            return name;
        }
        Path last = path.toAbsolutePath().normalize().getFileName();
        return last == null ? "" : last.toString();
    }

    /**
     * Whether the inter file must have the rating field. The settings cannot tell a default from
     * a value written out, so a field named other than the default is the one that must be there.
     */
    boolean ratingRequired() {
        return !ratingField.equals(RATING);
    }

    /** Whether the inter file must have the timestamp field (see {@link #ratingRequired()}). */
    boolean timestampRequired() {
        return !timestampField.equals(TIMESTAMP);
    }

    boolean expandFloatSequences() {
        return floatSeq.equals("expand");
    }
}
