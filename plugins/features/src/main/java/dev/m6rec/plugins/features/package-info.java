/**
 * The built-in feature extractors ({@link dev.m6rec.plugins.features.FeaturesPlugin}).
 *
 * <p>Column names, fixed after fit:
 * <ul>
 *   <li>{@code numeric}: {@code age}, and with {@code missing-indicator} also {@code age=<missing>}</li>
 *   <li>{@code categorical}: {@code gender=F}, ..., then {@code gender=<other>} (per field, values ascending)</li>
 *   <li>{@code multi-hot}: {@code genres=Comedy}, ..., then {@code genres=<other>} (tags ascending)</li>
 *   <li>{@code hashing}: {@code occupation+zip#0} ... {@code occupation+zip#<buckets-1>}</li>
 *   <li>{@code tfidf}: {@code title:love} (words ascending)</li>
 *   <li>{@code behaviour} (alias {@code behavior}): {@code behaviour:log-count}, {@code behaviour:rating-mean},
 *       {@code behaviour:rating-std}, {@code behaviour:recency} (in the configured order), then with
 *       {@code profile-field} {@code behaviour:genres=Comedy}, ... (values ascending)</li>
 *   <li>{@code date}: {@code release:year}, {@code release:age}</li>
 *   <li>{@code bucket}: {@code age<20}, {@code age[20,22)}, ..., {@code age>=24} ({@code age=any} without cuts)</li>
 * </ul>
 * Synthetic values are written in angle brackets so they cannot be mistaken for data.
 */
package dev.m6rec.plugins.features;
