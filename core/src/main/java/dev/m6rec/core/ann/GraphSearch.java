package dev.m6rec.core.ann;

import dev.m6rec.api.data.ScoredItems;
import java.util.Arrays;

/**
 * One k-nearest search over a {@link FrozenHnswGraph}: HNSW's greedy descent through the upper
 * levels, then a beam search of width {@code ef} on the bottom level, exactly as Lucene's
 * {@code HnswGraphSearcher} walks (same entry points, same stopping rule, rows a filter refuses
 * are walked through but not kept), scoring the walk on the {@link QuantizedVectors} and the
 * {@code ef} rows it keeps on the float rows, best {@code k} by their exact cosine.
 *
 * <p>Our own loop rather than Lucene's searcher over a scorer: on the serving path (100k mlp
 * embeddings, k = ef = 100) Lucene's spent half its time outside the scores, in a sparse bit set
 * allocated block by block, a heap of encoded longs and a virtual call per score; this one works
 * on primitive arrays sized to the search.
 */
final class GraphSearch {
    private GraphSearch() {
    }

    static ScoredItems search(FrozenHnswGraph graph, QuantizedVectors codes, CosineVectors rows, float[] query, int k,
                              int ef, boolean[] excluded) {
        int size = graph.size();
        if (size == 0 || k <= 0) {
            return ScoredItems.empty();
        }
        int width = Math.max(k, ef);
        float queryInverseNorm = CosineVectors.inverseNorm(query);
        float[] weights = codes.weights(query, queryInverseNorm);
        VisitedNodes visited = new VisitedNodes(size);

        int entry = graph.entryNode();
        float entryScore = codes.score(weights, entry);
        for (int level = graph.levels() - 1; level >= 1; level--) {
            visited.add(entry);
            for (boolean better = true; better; ) {
                better = false;
                int[] list = graph.neighbours(level);
                int p = graph.position(level, entry);
                for (int r = graph.start(level, p), end = graph.end(level, p); r < end; r++) {
                    int friend = list[r];
                    if (!visited.add(friend)) {
                        continue;
                    }
                    float score = codes.score(weights, friend);
                    if (score > entryScore) {
                        entryScore = score;
                        entry = friend;
                        better = true;
                    }
                }
            }
        }

        visited.clear();
        NodeHeap candidates = new NodeHeap(width * 4);
        NodeHeap results = new NodeHeap(width + 1);
        visited.add(entry);
        candidates.push(entry, -entryScore);
        if (excluded == null || !excluded[entry]) {
            results.push(entry, entryScore);
        }
        float minAccepted = results.size() < width ? Float.NEGATIVE_INFINITY : Math.nextUp(results.topKey());
        int[] bottom = graph.neighbours(0);
        int[] fresh = new int[graph.maxBottomDegree()];
        int touchedSum = 0;
        float[] freshScores = new float[fresh.length];
        while (candidates.size() > 0) {
            if (-candidates.topKey() < minAccepted) {
                break;
            }
            int node = candidates.pop();
            // The unvisited friends first, then their scores in one tight loop, then the heaps: the
            // scores' loads (random rows, mostly cache misses) are independent of each other and
            // of any branch, so the processor overlaps them instead of waiting for each in turn.
            int count = 0;
            for (int r = graph.start(0, node), end = graph.end(0, node); r < end; r++) {
                if (visited.add(bottom[r])) {
                    fresh[count++] = bottom[r];
                }
            }
            touchedSum += codes.touch(fresh, count);
            for (int f = 0; f < count; f++) {
                freshScores[f] = codes.score(weights, fresh[f]);
            }
            for (int f = 0; f < count; f++) {
                int friend = fresh[f];
                float score = freshScores[f];
                if (score < minAccepted) {
                    continue;
                }
                candidates.push(friend, -score);
                if (excluded != null && excluded[friend]) {
                    continue;
                }
                if (results.size() < width) {
                    results.push(friend, score);
                } else if (score > results.topKey() || (score == results.topKey() && friend < results.topNode())) {
                    results.replaceTop(friend, score);
                } else {
                    continue;
                }
                if (results.size() == width) {
                    minAccepted = Math.nextUp(results.topKey());
                }
            }
        }

        codes.keep(touchedSum);
        // The kept rows in increasing order, so that topK's ties (to the lower position) go to the lower row.
        int[] kept = new int[results.size()];
        for (int r = 0; r < kept.length; r++) {
            kept[r] = results.node(r);
        }
        Arrays.sort(kept);
        float[] exact = new float[kept.length];
        for (int r = 0; r < kept.length; r++) {
            exact[r] = rows.cosine(query, queryInverseNorm, kept[r]);
        }
        ScoredItems best = ScoredItems.topK(exact, k, null);
        int[] items = new int[best.size()];
        for (int r = 0; r < items.length; r++) {
            items[r] = kept[best.item(r)];
        }
        return new ScoredItems(items, best.scores());
    }
}
