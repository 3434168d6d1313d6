package dev.m6rec.core.pipeline;

/**
 * Why an item was recommended: the history items that contributed most to it, with their weights
 * (similarity to the item, times the recency and rating weight of the history entry), best first.
 */
public record Explanation(int item, int[] becauseOf, float[] weights) {
}
