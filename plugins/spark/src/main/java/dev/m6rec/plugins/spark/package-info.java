/**
 * Components that train on Apache Spark: {@code als} (MLlib ALS), and the similarity plugin's
 * cluster engine ({@link dev.m6rec.plugins.spark.SparkClusterAllPairs}: the exact all-pairs top-k
 * over interactions, tile by tile). Only the training classes touch Spark; what they fit is raw
 * float32 and int32 arrays in the artifact and serves without Spark on the class path.
 */
package dev.m6rec.plugins.spark;
