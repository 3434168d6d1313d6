/**
 * Pipeline steps as Spark jobs over M6-Rec's own artifacts: {@link dev.m6rec.spark.BatchTopK} writes
 * every user's top-K from any trained artifact, loaded once per executor JVM by the normal loader;
 * {@link dev.m6rec.spark.SparkTrialRunner} runs each trial of {@code m6rec tune} as a Spark task.
 */
package dev.m6rec.spark;
