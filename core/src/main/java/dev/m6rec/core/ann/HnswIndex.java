package dev.m6rec.core.ann;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;

/**
 * Approximate cosine nearest neighbours over the rows of a matrix: an HNSW graph built by Lucene's
 * {@link HnswGraphBuilder} (single-threaded, so the same seed gives the same graph) and searched
 * by {@link GraphSearch} on byte codes of the rows ({@link QuantizedVectors}), its results
 * re-scored exactly. Thread-safe for searches.
 *
 * <pre>{@code
 * HnswIndex index = HnswIndex.build(embeddings.data(), embeddings.columns(), settings);
 * ScoredItems near = index.search(query, 10, settings.efSearch(), excluded);
 * }</pre>
 */
public final class HnswIndex {
    private final CosineVectors vectors;
    private final QuantizedVectors codes;
    private final FrozenHnswGraph graph;
    private final IndexSettings settings;

    private HnswIndex(CosineVectors vectors, FrozenHnswGraph graph, IndexSettings settings) {
        this.vectors = vectors;
        this.codes = new QuantizedVectors(vectors.data(), vectors.dims(), vectors.inverseNorms());
        this.graph = graph;
        this.settings = settings;
    }

    /** Builds the graph over the rows of {@code data} ({@code dims} wide); the array is kept, not copied. */
    public static HnswIndex build(float[] data, int dims, IndexSettings settings) {
        CosineVectors vectors = new CosineVectors(data, dims);
        try {
            HnswGraphBuilder builder = HnswGraphBuilder.create(vectors, settings.m(), settings.beamWidth(),
                    settings.seed());
            return new HnswIndex(vectors, FrozenHnswGraph.of(builder.build(vectors.size())), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores a graph {@link #save}d over the same rows; a corrupt or mismatched graph is an ArtifactException. */
    public static HnswIndex load(ArtifactReader in, float[] data, int dims, IndexSettings settings) {
        CosineVectors vectors = new CosineVectors(data, dims);
        return new HnswIndex(vectors, FrozenHnswGraph.load(in, vectors.size(), dims), settings);
    }

    public void save(ArtifactWriter out) {
        graph.save(out, vectors.dims(), settings);
    }

    /** Whether {@code other} would build this same graph (ef-search only matters when searching). */
    public boolean builtAs(IndexSettings other) {
        return other.m() == settings.m() && other.beamWidth() == settings.beamWidth() && other.seed() == settings.seed();
    }

    /** Heap the index adds to the embeddings it searches: the graph, one inverse norm per row and the rows' byte codes. */
    public long bytes() {
        return graph.bytes() + (long) vectors.size() * Float.BYTES + codes.bytes();
    }

    public int size() {
        return graph.size();
    }

    /**
     * The (about) {@code k} rows nearest to {@code query} by cosine, best first (ties to the lower
     * row), among those {@code excluded} does not mark (null: all); the search keeps
     * {@code max(k, efSearch)} candidates and reports their exact cosines.
     */
    public ScoredItems search(float[] query, int k, int efSearch, boolean[] excluded) {
        if (excluded != null && excluded.length < graph.size()) {
            throw new IllegalArgumentException("excluded has " + excluded.length + " rows, the index " + graph.size());
        }
        return GraphSearch.search(graph, codes, vectors, query, k, efSearch, excluded);
    }
}
