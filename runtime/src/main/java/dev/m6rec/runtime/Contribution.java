package dev.m6rec.runtime;

/** One history item behind a recommendation and its weight in the explanation. */
public record Contribution(String item, float weight) {
}
