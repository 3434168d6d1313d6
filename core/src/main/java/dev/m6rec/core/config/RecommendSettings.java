package dev.m6rec.core.config;

import dev.m6rec.core.ann.IndexSettings;
import java.util.Map;

/**
 * The {@code recommend:} section: list length, recall quotas per candidate source
 * ({@code history}, {@code popular}, {@code embedding}; 0 disables a source; an empty map means
 * rank every item), the MMR diversity weight (0 = pure relevance) and how embedding recall
 * searches ({@code index} and {@code hnsw.*}).
 */
public record RecommendSettings(int k, Map<String, Integer> recall, double diversity, IndexSettings index) {
    public RecommendSettings {
        recall = Map.copyOf(recall);
        java.util.Objects.requireNonNull(index, "index is null");
    }

    /** With the default embedding search (exact below {@link IndexSettings#AUTO_THRESHOLD} items). */
    public RecommendSettings(int k, Map<String, Integer> recall, double diversity) {
        this(k, recall, diversity, IndexSettings.defaults());
    }

    public static RecommendSettings defaults() {
        return new RecommendSettings(10, Map.of(), 0.0);
    }
}
