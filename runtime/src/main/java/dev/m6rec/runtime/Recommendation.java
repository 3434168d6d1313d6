package dev.m6rec.runtime;

/** One recommended item as a host sees it: external id, score and 1-based rank. */
public record Recommendation(String item, float score, int rank) {
}
