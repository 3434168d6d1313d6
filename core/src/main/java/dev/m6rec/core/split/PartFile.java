package dev.m6rec.core.split;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The rows of one presplit file, resolved against the dataset's id spaces: {@code users[k]} and
 * {@code items[k]} are dense indexes, -1 for an id the dataset does not have (for instance one a
 * filter removed); {@code times} is null when rows are matched without time.
 */
record PartFile(Path file, int size, int[] users, int[] items, long[] times) {
    PartFile {
        Objects.requireNonNull(file, "file is null");
        Objects.requireNonNull(users, "users is null");
        Objects.requireNonNull(items, "items is null");
    }
}
