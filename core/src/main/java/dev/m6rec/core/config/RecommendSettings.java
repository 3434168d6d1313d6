package dev.m6rec.core.config;

import java.util.Map;

/**
 * The {@code recommend:} section: list length, recall quotas per candidate source
 * ({@code history}, {@code popular}, {@code embedding}; 0 disables a source; an empty map means
 * rank every item) and the MMR diversity weight (0 = pure relevance).
 */
public record RecommendSettings(int k, Map<String, Integer> recall, double diversity) {
    public RecommendSettings {
        recall = Map.copyOf(recall);
    }

    public static RecommendSettings defaults() {
        return new RecommendSettings(10, Map.of(), 0.0);
    }
}
