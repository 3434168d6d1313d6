package dev.m6rec.core.prepare;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the {@code filter:} section to the whole dataset, after loading and before the split,
 * in this order:
 * <ol>
 *   <li><b>dedup</b> first, so a later low rating overrides an earlier high one before the
 *       threshold looks at it (the user's current opinion decides);</li>
 *   <li><b>rating threshold</b>: rows rated below it are dropped; the rest keep their rating
 *       unchanged, so rating heads and RMSE still see the scale while ranking treats every kept
 *       row as a positive;</li>
 *   <li><b>k-core</b> last, on what the other two left, to its fixed point.</li>
 * </ol>
 * Users and items left with no interactions are dropped from the id spaces together with their
 * attribute rows (see {@link IdSpaceCompaction}). The counts of removed rows go into the summary
 * line and into the dataset's load counts ({@code filter.duplicates}, {@code filter.below-threshold},
 * {@code filter.k-core}, {@code filter.users-dropped}, {@code filter.items-dropped}).
 *
 * <pre>{@code
 * FilteredDataset filtered = new DatasetFilter(config.filter()).apply(loaded);
 * filtered.summary().ifPresent(progress::info);
 * }</pre>
 */
public final class DatasetFilter {
    private final FilterSettings settings;

    public DatasetFilter(FilterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    /**
     * The filtered dataset (the same instance when nothing is configured).
     *
     * @throws ConfigException when a threshold is set on data without ratings, or when the
     *                         filters leave no interaction at all
     */
    public FilteredDataset apply(Dataset dataset) {
        if (!settings.active()) {
            return new FilteredDataset(dataset, Optional.empty());
        }
        Interactions all = dataset.interactions();
        boolean[] keep = new boolean[all.size()];
        Arrays.fill(keep, true);
        int duplicates = Deduplication.dropRepeats(all, settings.dedup(), keep);
        int belowThreshold = 0;
        if (settings.ratingThreshold().isPresent()) {
            if (!all.hasRatings()) {
                throw noRatings(dataset.name());
            }
            belowThreshold = dropBelow(all, (float) settings.ratingThreshold().getAsDouble(), keep);
        }
        int outsideCore = KCore.peel(all, settings.minUserInteractions(), settings.minItemInteractions(), keep);
        int remaining = all.size() - duplicates - belowThreshold - outsideCore;
        if (remaining == 0 && all.size() > 0) {
            throw removesEverything(dataset.name(), duplicates, belowThreshold, outsideCore);
        }
        Map<String, Long> counts = new LinkedHashMap<>(dataset.loadCounts());
        counts.put("filter.duplicates", (long) duplicates);
        counts.put("filter.below-threshold", (long) belowThreshold);
        counts.put("filter.k-core", (long) outsideCore);
        Dataset filtered = IdSpaceCompaction.compact(dataset, keep, counts);
        int usersDropped = dataset.users().size() - filtered.users().size();
        int itemsDropped = dataset.items().size() - filtered.items().size();
        return new FilteredDataset(filtered, Optional.of(summary(all.size(), duplicates, belowThreshold, outsideCore,
                usersDropped, itemsDropped)));
    }

    /**
     * The run's line for what the filters removed, e.g. {@code filter: 100 -> 90 interactions (dedup
     * last removed 2, k-core (users >= 5) removed 8); dropped 3 users and 0 items left without
     * interactions}; public so that a distributed run of the same filters says exactly the same.
     */
    public String summary(long before, long duplicates, long belowThreshold, long outsideCore, long usersDropped,
                          long itemsDropped) {
        long remaining = before - duplicates - belowThreshold - outsideCore;
        String summary = "filter: " + before + " -> " + remaining + " interactions ("
                + removedText(duplicates, belowThreshold, outsideCore) + ")";
        if (usersDropped + itemsDropped > 0) {
            summary += "; dropped " + usersDropped + " users and " + itemsDropped + " items left without interactions";
        }
        return summary;
    }

    /** The error when the threshold is set on data without ratings. */
    public static ConfigException noRatings(String datasetName) {
        return new ConfigException("filter.rating-threshold",
                "dataset '" + datasetName + "' has no ratings to compare with the threshold");
    }

    /** The error when the filters leave no interaction at all. */
    public ConfigException removesEverything(String datasetName, long duplicates, long belowThreshold, long outsideCore) {
        return new ConfigException("filter", "removes every interaction of dataset '" + datasetName + "' ("
                + removedText(duplicates, belowThreshold, outsideCore) + ")");
    }

    private static int dropBelow(Interactions all, float threshold, boolean[] keep) {
        int dropped = 0;
        for (int row = 0; row < keep.length; row++) {
            if (keep[row] && all.rating(row) < threshold) {
                keep[row] = false;
                dropped++;
            }
        }
        return dropped;
    }

    /** "dedup last removed 2, rating >= 4 removed 3, k-core (users >= 5, items >= 5) removed 7". */
    private String removedText(long duplicates, long belowThreshold, long outsideCore) {
        List<String> parts = new ArrayList<>();
        if (settings.dedup() != DedupPolicy.NONE) {
            parts.add("dedup " + settings.dedup().configName() + " removed " + duplicates);
        }
        settings.ratingThreshold().ifPresent(t -> parts.add("rating >= " + number(t) + " removed " + belowThreshold));
        if (settings.kCore()) {
            List<String> minimums = new ArrayList<>();
            if (settings.minUserInteractions() > 1) {
                minimums.add("users >= " + settings.minUserInteractions());
            }
            if (settings.minItemInteractions() > 1) {
                minimums.add("items >= " + settings.minItemInteractions());
            }
            parts.add("k-core (" + String.join(", ", minimums) + ") removed " + outsideCore);
        }
        return String.join(", ", parts);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
