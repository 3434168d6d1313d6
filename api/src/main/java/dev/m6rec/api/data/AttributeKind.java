package dev.m6rec.api.data;

/** How an attribute column is to be read. */
public enum AttributeKind {
    /** A number; missing values are NaN. */
    NUMERIC,
    /** One token from a vocabulary (gender, occupation, category); missing is {@code null}. */
    CATEGORICAL,
    /** Several tokens (genres, tags); missing is an empty array. */
    TAGS,
    /** Free text (title, description); missing is {@code null}. */
    TEXT
}
