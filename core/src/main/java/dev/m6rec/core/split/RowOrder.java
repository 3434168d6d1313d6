package dev.m6rec.core.split;

/** How a splitter picks the rows it holds out: by a seeded shuffle, or the newest by timestamp. */
public enum RowOrder {
    RANDOM,
    TIME
}
