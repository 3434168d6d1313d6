package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.core.ann.HnswIndex;
import dev.m6rec.core.ann.IndexSettings;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HNSW index over a pipeline's item embeddings, built at most once (on first need: evaluation,
 * serving or saving, whichever comes first) or restored from the artifact, and shared by the
 * views of one pipeline, so a run that evaluates and then saves builds the graph once.
 */
final class RecallIndexSlot {
    private HnswIndex index;

    synchronized Optional<HnswIndex> get(IndexSettings settings, Supplier<Optional<FeatureMatrix>> embeddings) {
        Optional<FeatureMatrix> table = embeddings.get().filter(e -> settings.usesHnsw(e.rows()));
        if (table.isEmpty()) {
            return Optional.empty();
        }
        if (index == null || !index.builtAs(settings)) {
            index = HnswIndex.build(table.get().data(), table.get().columns(), settings);
        }
        return Optional.of(index);
    }

    synchronized void restore(HnswIndex restored) {
        index = restored;
    }
}
