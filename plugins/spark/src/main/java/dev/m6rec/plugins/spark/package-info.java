/**
 * Components that train on Apache Spark: {@code als} (MLlib ALS). Only the training classes touch
 * Spark; a fitted model is raw float32 factors in the artifact and scores without Spark on the
 * class path.
 */
package dev.m6rec.plugins.spark;
