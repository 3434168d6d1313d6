package dev.m6rec.core.prepare;

import dev.m6rec.api.data.Dataset;

/**
 * A dataset's size, for the report: before and after {@code filter:}, so that a reader sees what
 * the filters removed.
 */
public record DatasetStatistics(String name, int users, int items, long interactions) {
    public static DatasetStatistics of(Dataset dataset) {
        return new DatasetStatistics(dataset.name(), dataset.users().size(), dataset.items().size(),
                dataset.interactions().size());
    }

    /** Interactions over users times items; 0 for an empty dataset. */
    public double density() {
        return users == 0 || items == 0 ? 0 : interactions / ((double) users * items);
    }
}
