/**
 * The classic interest-model baselines, contributed by {@link dev.m6rec.plugins.baselines.BaselinesPlugin}
 * (plugin name {@code baselines}):
 *
 * <ul>
 *   <li>{@code popularity}: weighted training interaction counts, the same for every user
 *       ({@code decay}, {@code weight-by-rating}).</li>
 *   <li>{@code item-knn}: sums of the run's item similarities over the user's history, each
 *       history item reaching its {@code neighbours} nearest items ({@code weight-by-rating},
 *       {@code recency-half-life}, {@code normalise}); needs the {@code similarity} section.</li>
 *   <li>{@code bpr}: matrix factorisation trained with BPR on sampled negatives ({@code factors},
 *       {@code epochs}, {@code learning-rate}, {@code regularization}, {@code negatives},
 *       {@code init-std}, {@code item-bias}); exposes item embeddings.</li>
 *   <li>{@code ease}: Steck's closed-form item-item model ({@code lambda}, {@code max-items}).</li>
 * </ul>
 *
 * <p>Unknown users (profile index -1): {@code popularity} scores them like everyone;
 * {@code item-knn} and {@code ease} depend on the history only, so they score them exactly like a
 * known user with the same history; {@code bpr} folds them in as the mean factor vector of their
 * history items. A profile with an empty history gets the training popularity scaled into
 * [0, 0.001] from the three personalised models.
 *
 * <pre>{@code
 * interest:   { type: item-knn, neighbours: 50, recency-half-life: 20 }
 * similarity: { type: cosine, source: interactions }
 * }</pre>
 */
package dev.m6rec.plugins.baselines;
