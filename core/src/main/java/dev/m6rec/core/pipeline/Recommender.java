package dev.m6rec.core.pipeline;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.ann.HnswIndex;
import dev.m6rec.core.config.RecommendSettings;
import dev.m6rec.core.exec.ScoreBlocks;
import dev.m6rec.core.plugin.PluginFaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The serving path: recall -> rank -> re-rank -> top-K.
 * <ul>
 * <li>Recall gathers candidates from the sources with a quota in {@code recommend.recall}:
 * {@code history} (similarity neighbours of the user's history, weighted by recency and rating),
 * {@code popular} (most interacted items), {@code embedding} (items nearest to the mean of the
 * history's item embeddings by cosine: an exact scan, or an HNSW graph search as
 * {@code recommend.index} chooses). With no quotas every item is a candidate (exact full ranking).</li>
 * <li>Rank scores the candidates with the interest model.</li>
 * <li>Re-rank drops seen items and, with {@code recommend.diversity} = lambda > 0, picks greedily by
 * MMR: (1 - lambda) * relevance - lambda * (max similarity to the items already picked), relevance
 * min-max scaled over the candidates.</li>
 * </ul>
 * Thread-safe: all state is read-only after construction, but for scratch arrays per thread.
 */
public final class Recommender {
    /** Each history step back in time halves an item's weight after this many steps. */
    private static final double RECENCY_HALF_LIFE = 20;
    private final FittedPipeline pipeline;
    private final RecommendSettings settings;
    private final int[] popularOrder;
    /** The interest model's item embeddings when embedding recall has a quota, fetched once (models may copy them). */
    private final FeatureMatrix embeddings;
    /** The graph embedding recall searches instead of scanning, or null for the exact scan. */
    private final HnswIndex recallIndex;
    /**
     * One catalogue-sized skip mask per thread, cleared per request: served at 2,000 lists/s over
     * 100k items, a fresh mask per request was a quarter of the serving path's allocation, and each
     * young collection it brought is a pause every request in flight waits out.
     */
    private final ThreadLocal<boolean[]> skipMasks;
    private final ThreadLocal<ItemSums> historySums;

    public Recommender(FittedPipeline pipeline, RecommendSettings settings) {
        this.pipeline = pipeline;
        this.settings = settings;
        this.popularOrder = popularOrder(pipeline.knownInteractions().itemCounts());
        int numItems = pipeline.items().size();
        this.skipMasks = ThreadLocal.withInitial(() -> new boolean[numItems]);
        this.historySums = ThreadLocal.withInitial(() -> new ItemSums(numItems));
        this.embeddings = settings.recall().getOrDefault("embedding", 0) > 0
                ? pipeline.interest().itemEmbeddings().orElse(null) : null;
        this.recallIndex = embeddings == null ? null : pipeline.recallIndex(settings.index()).orElse(null);
        boolean needsSimilarity = settings.recall().getOrDefault("history", 0) > 0 || settings.diversity() > 0;
        if (needsSimilarity && pipeline.similarity().isEmpty()) {
            throw new ConfigException(settings.diversity() > 0 ? "recommend.diversity" : "recommend.recall.history",
                    "needs a similarity section");
        }
    }

    /**
     * Items by decreasing count, ties to the lower index (as {@link ScoredItems#topK} orders them):
     * one sort of (count, item) keys, which a reload of a 100k-item catalogue does in a few
     * milliseconds where a top-k heap over every item took a tenth of the reload.
     */
    static int[] popularOrder(int[] counts) {
        long[] keys = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - counts[i]) << 32) | i;
        }
        java.util.Arrays.sort(keys);
        int[] order = new int[counts.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = (int) keys[r];
        }
        return order;
    }

    public RecommendSettings settings() {
        return settings;
    }

    /** The top {@code k} for a profile, its history and {@code excluded} items left out. */
    public ScoredItems recommend(UserProfile profile, int k, boolean[] excluded) {
        boolean[] skip = skip(profile, excluded);
        int[] candidates = recall(profile, skip);
        float[] scores = new float[candidates == null ? skip.length : candidates.length];
        InterestModel interest = pipeline.interest();
        PluginFaults.run(interest, "score", () -> {
            if (candidates == null) {
                interest.scoreAll(profile, scores);
            } else {
                interest.score(profile, candidates, scores);
            }
        });
        return select(scores, 0, candidates, skip, k);
    }

    /**
     * Each profile's top {@code k} (its history left out), as {@link #recommend} gives it. With
     * exact full ranking (no recall quotas) the profiles are scored in blocks of
     * {@link ScoreBlocks#rows} through the interest model's block form, one GEMM per block for
     * the models that override it; with recall quotas, one by one.
     */
    public List<ScoredItems> recommendAll(List<UserProfile> profiles, int k) {
        List<ScoredItems> lists = new ArrayList<>(profiles.size());
        if (!settings.recall().isEmpty()) {
            for (UserProfile profile : profiles) {
                lists.add(recommend(profile, k, null));
            }
            return lists;
        }
        int numItems = pipeline.items().size();
        int rows = ScoreBlocks.rows(numItems);
        InterestModel interest = pipeline.interest();
        for (int from = 0; from < profiles.size(); from += rows) {
            List<UserProfile> block = profiles.subList(from, Math.min(profiles.size(), from + rows));
            float[] scores = new float[block.size() * numItems];
            PluginFaults.run(interest, "score", () -> interest.scoreAll(block, scores));
            for (int r = 0; r < block.size(); r++) {
                lists.add(select(scores, r * numItems, null, skip(block.get(r), null), k));
            }
        }
        return lists;
    }

    /** The items not to recommend: {@code excluded} (may be null) and the profile's history. */
    private boolean[] skip(UserProfile profile, boolean[] excluded) {
        int numItems = pipeline.items().size();
        boolean[] skip = skipMasks.get();
        if (excluded == null) {
            java.util.Arrays.fill(skip, false);
        } else {
            System.arraycopy(excluded, 0, skip, 0, numItems);
        }
        for (int item : profile.history()) {
            skip[item] = true;
        }
        return skip;
    }

    /**
     * Rank and re-rank: the best of all items (scores from {@code offset}, {@code candidates} null)
     * or of the recalled candidates (scores aligned with them), then MMR or truncation to {@code k}.
     */
    private ScoredItems select(float[] scores, int offset, int[] candidates, boolean[] skip, int k) {
        int pool = settings.diversity() > 0 ? Math.max(k * 5, 50) : k;
        ScoredItems ranked;
        if (candidates == null) {
            ranked = ScoredItems.topK(scores, offset, skip.length, pool, skip);
        } else {
            ScoredItems local = ScoredItems.topK(scores, pool, null);
            int[] items = new int[local.size()];
            float[] s = new float[local.size()];
            for (int r = 0; r < local.size(); r++) {
                items[r] = candidates[local.item(r)];
                s[r] = local.score(r);
            }
            ranked = new ScoredItems(items, s);
        }
        if (settings.diversity() == 0) {
            return truncate(ranked, k);
        }
        ScoredItems relevant = ranked;
        return PluginFaults.call(pipeline.similarity().orElseThrow(), "similarity", () -> maximalMarginalRelevance(relevant, k));
    }

    /**
     * Candidate items, or null to rank all items. Each candidate added is marked in {@code skip},
     * so that no later source adds it again: ranking then reads only the candidates, and one
     * catalogue-sized mask per request is cleared and allocated instead of two.
     */
    private int[] recall(UserProfile profile, boolean[] skip) {
        Map<String, Integer> quotas = settings.recall();
        if (quotas.isEmpty()) {
            return null;
        }
        int numItems = pipeline.items().size();
        long quotaSum = 0;
        for (int quota : quotas.values()) {
            quotaSum += quota;
        }
        int[] out = new int[(int) Math.min(numItems, quotaSum)];
        int n = 0;
        int historyQuota = quotas.getOrDefault("history", 0);
        if (historyQuota > 0 && profile.history().length > 0) {
            int filled = n;
            n = PluginFaults.call(pipeline.similarity().orElseThrow(), "neighbours",
                    () -> addHistoryNeighbours(profile, historyQuota, skip, out, filled));
        }
        int embeddingQuota = quotas.getOrDefault("embedding", 0);
        if (embeddingQuota > 0 && embeddings != null && profile.history().length > 0) {
            float[] centre = historyCentre(profile, embeddings);
            n = recallIndex == null ? addTop(embeddingScores(centre, embeddings), embeddingQuota, skip, out, n)
                    : addNearest(centre, embeddingQuota, skip, out, n);
        }
        int popularQuota = quotas.getOrDefault("popular", 0);
        for (int r = 0, added = 0; r < popularOrder.length && added < popularQuota; r++) {
            int item = popularOrder[r];
            if (!skip[item]) {
                skip[item] = true;
                out[n++] = item;
                added++;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int addTop(float[] scores, int quota, boolean[] skip, int[] out, int n) {
        boolean[] excluded = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            excluded[i] = skip[i] || scores[i] <= 0;
        }
        ScoredItems top = ScoredItems.topK(scores, quota, excluded);
        for (int r = 0; r < top.size(); r++) {
            skip[top.item(r)] = true;
            out[n++] = top.item(r);
        }
        return n;
    }

    /** Weight of the k-th history entry (oldest first): recency decay times rating. */
    private static float historyWeight(UserProfile profile, int k) {
        int stepsBack = profile.history().length - 1 - k;
        return (float) (Math.pow(0.5, stepsBack / RECENCY_HALF_LIFE) * profile.historyRating(k));
    }

    /**
     * History recall: each item's score is the sum, over the history, of the entry's
     * {@link #historyWeight} times the item's similarity among that entry's 50 neighbours; the
     * best {@code quota} items with a positive score that are not skipped (nor recalled already)
     * are added, ties to the lower index. Only the items the neighbour lists reach are scored
     * ({@link ItemSums}), so a request costs its history, not the catalogue.
     */
    private int addHistoryNeighbours(UserProfile profile, int quota, boolean[] skip, int[] out, int n) {
        SimilarityModel similarity = pipeline.similarity().orElseThrow();
        int[] history = profile.history();
        ItemSums sums = historySums.get();
        sums.clear();   // left over only if this thread's last request failed part-way
        for (int k = 0; k < history.length; k++) {
            float weight = historyWeight(profile, k);
            ScoredItems near = similarity.neighbours(history[k], 50);
            for (int r = 0; r < near.size(); r++) {
                sums.add(near.item(r), weight * near.score(r));
            }
        }
        int end = sums.drainTop(quota, skip, out, n);
        for (int r = n; r < end; r++) {
            skip[out[r]] = true;
        }
        return end;
    }

    /** The sum of the history's item embeddings: its direction is the query of embedding recall. */
    private static float[] historyCentre(UserProfile profile, FeatureMatrix embeddings) {
        int d = embeddings.columns();
        float[] data = embeddings.data();
        float[] centre = new float[d];
        for (int item : profile.history()) {
            for (int c = 0; c < d; c++) {
                centre[c] += data[item * d + c];
            }
        }
        return centre;
    }

    /** As {@link #addTop} over cosine scores, from the HNSW graph: only the items it may add are accepted. */
    private int addNearest(float[] centre, int quota, boolean[] skip, int[] out, int n) {
        ScoredItems near = recallIndex.search(centre, quota, settings.index().efSearch(), skip);
        for (int r = 0; r < near.size() && near.score(r) > 0; r++) {
            skip[near.item(r)] = true;
            out[n++] = near.item(r);
        }
        return n;
    }

    /** Cosine of every item with {@code centre}, times the centre's norm (the order is what counts). */
    private static float[] embeddingScores(float[] centre, FeatureMatrix embeddings) {
        int d = embeddings.columns();
        float[] data = embeddings.data();
        float[] scores = new float[embeddings.rows()];
        for (int i = 0; i < scores.length; i++) {
            float dot = 0;
            float norm = 0;
            for (int c = 0; c < d; c++) {
                float v = data[i * d + c];
                dot += v * centre[c];
                norm += v * v;
            }
            scores[i] = norm == 0 ? 0 : dot / (float) Math.sqrt(norm);
        }
        return scores;
    }

    /**
     * Greedy MMR, evaluated lazily: a candidate's value only falls as picks are added (its maximum
     * similarity to the picked items only grows), so a stale value is an upper bound, and
     * candidates in relevance order stop mattering once their relevance alone cannot beat the best
     * value found. Similarities are computed only for candidates that could still win; the picks
     * are exactly those of the eager algorithm, with fewer similarity calls (the serving path's
     * most expensive step).
     */
    private ScoredItems maximalMarginalRelevance(ScoredItems ranked, int k) {
        SimilarityModel similarity = pipeline.similarity().orElseThrow();
        double lambda = settings.diversity();
        int n = ranked.size();
        float max = n == 0 ? 0 : ranked.score(0);
        float min = n == 0 ? 0 : ranked.score(n - 1);
        float range = max - min == 0 ? 1 : max - min;
        boolean[] taken = new boolean[n];
        float[] maxSim = new float[n];
        int[] folded = new int[n]; // how many of the picks maxSim[c] accounts for
        int m = Math.min(k, n);
        int[] items = new int[m];
        float[] scores = new float[m];
        for (int pick = 0; pick < m; pick++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (taken[c]) {
                    continue;
                }
                double relevance = (ranked.score(c) - min) / range;
                if (best >= 0 && (1 - lambda) * relevance <= bestValue) {
                    break; // ranked is sorted by score: no later candidate can do better
                }
                if (best >= 0 && (1 - lambda) * relevance - lambda * maxSim[c] <= bestValue) {
                    continue; // even its stale (optimistic) value loses
                }
                for (; folded[c] < pick; folded[c]++) {
                    maxSim[c] = Math.max(maxSim[c], similarity.similarity(items[folded[c]], ranked.item(c)));
                }
                double value = (1 - lambda) * relevance - lambda * maxSim[c];
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            taken[best] = true;
            items[pick] = ranked.item(best);
            scores[pick] = ranked.score(best);
        }
        return new ScoredItems(items, scores);
    }

    private static ScoredItems truncate(ScoredItems ranked, int k) {
        if (ranked.size() <= k) {
            return ranked;
        }
        return new ScoredItems(java.util.Arrays.copyOf(ranked.items(), k), java.util.Arrays.copyOf(ranked.scores(), k));
    }

    /** Items most similar to {@code item}. */
    public ScoredItems similarItems(int item, int k) {
        SimilarityModel similarity = pipeline.similarity().orElseThrow(() ->
                new ConfigException("similarity", "similar items need a similarity section"));
        return PluginFaults.call(similarity, "neighbours", () -> similarity.neighbours(item, k));
    }

    /** The history items that contributed most to {@code item} for this profile, at most {@code max}. */
    public Explanation explain(UserProfile profile, int item, int max) {
        SimilarityModel similarity = pipeline.similarity().orElseThrow(() ->
                new ConfigException("similarity", "explanations need a similarity section"));
        int[] history = profile.history();
        float[] weights = new float[history.length];
        PluginFaults.run(similarity, "similarity", () -> {
            for (int k = 0; k < history.length; k++) {
                weights[k] = historyWeight(profile, k) * similarity.similarity(history[k], item);
            }
        });
        ScoredItems top = ScoredItems.topK(weights, max, null);
        int size = 0;
        while (size < top.size() && top.score(size) > 0) {
            size++;
        }
        int[] because = new int[size];
        float[] w = new float[size];
        for (int r = 0; r < size; r++) {
            because[r] = history[top.item(r)];
            w[r] = top.score(r);
        }
        return new Explanation(item, because, w);
    }
}
