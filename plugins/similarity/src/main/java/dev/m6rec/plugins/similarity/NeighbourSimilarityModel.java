package dev.m6rec.plugins.similarity;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Item-item similarity with exact all-pairs top-k neighbours, for every {@link Measure} over
 * every {@link Source}. Fitting computes and keeps the {@code neighbours} best items per item
 * (only similarities {@code > 0}, ties to the lower index); {@link #similarity} of any pair is
 * computed exactly from the kept vectors and equals the stored score for kept pairs.
 */
final class NeighbourSimilarityModel implements SimilarityModel {
    private static final String META = "model.properties";
    private static final String FORMAT = "1";

    private final String path;
    private final Measure measure;
    private final SimilaritySettings settings;
    private final Map<Source, Float> weights;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /** What fit or load produced. */
    private record Fitted(PairSimilarity pairs, NeighbourLists lists) {
    }

    NeighbourSimilarityModel(Measure measure, SimilaritySettings settings, PluginContext context) {
        this.measure = requireNonNull(measure, "measure is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.weights = settings.weights();
        this.context = requireNonNull(context, "context is null");
        this.path = context.componentPath();
        this.fitted = new FittedState<>(path, measure.label());
    }

    @Override
    public void fit(SimilarityInput input) {
        int n = input.train().numItems();
        int k = keptPerItem(n);
        List<Source> sources = List.copyOf(weights.keySet());
        String name = "similarity " + measure.label() + " top-" + k + " over " + settings.source().label();
        try (ProgressTask task = context.progress().begin(name, (long) n * (sources.size() + (sources.size() > 1 ? 1 : 0)))) {
            PairSimilarity[] parts = new PairSimilarity[sources.size()];
            NeighbourLists[] lists = new NeighbourLists[sources.size()];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = build(sources.get(p), input, n);
                lists[p] = parts[p] instanceof SparseItemVectors sparse
                        ? sparseTopK(sparse, k, task)
                        : DenseAllPairs.topK((DenseItemVectors) parts[p], k,
                                context.random("neighbour-floors-" + sources.get(p).label()), context, task);
            }
            if (settings.source() != Source.HYBRID) {
                fitted.set(new Fitted(parts[0], lists[0]));
                return;
            }
            HybridSimilarity hybrid = new HybridSimilarity(sources, weights(sources), parts);
            fitted.set(new Fitted(hybrid, hybrid.blend(lists, k, context, task)));
        }
    }

    /**
     * The pass over interactions: on the run's cluster when the config has a {@code spark:}
     * section, else on this machine. No key of the similarity section chooses this: the
     * {@code spark:} section already says where the run's heavy steps go, and the lists are the
     * same floats either way (ClusterAllPairs' contract), so where they were computed is no
     * parameter of the model and its artifact does not record it.
     */
    private NeighbourLists sparseTopK(SparseItemVectors sparse, int k, ProgressTask task) {
        if (context.spark().isEmpty()) {
            return SparseAllPairs.topK(sparse, k, context, task);
        }
        SparseAllPairsJob job = new SparseAllPairsJob(sparse, k);
        ClusterAllPairs engine = ClusterAllPairs.installed("spark");
        task.message("all pairs on " + engine.name());
        engine.topK(job, context);
        task.advance(sparse.items());
        return job.lists();
    }

    private int keptPerItem(int n) {
        int k = Math.max(1, Math.min(settings.neighbours(), n - 1));
        if ((long) n * k > Integer.MAX_VALUE - 8) {
            throw new ConfigException(path + ".neighbours", "too many to keep: " + n + " items x " + k
                    + " neighbours exceed 2^31 entries (was " + settings.neighbours() + ")");
        }
        return k;
    }

    private float[] weights(List<Source> sources) {
        float[] out = new float[sources.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = weights.get(sources.get(p));
        }
        return out;
    }

    private PairSimilarity build(Source source, SimilarityInput input, int n) {
        if (source == Source.INTERACTIONS) {
            return SparseItemVectors.build(input.train(), measure, settings.binary(), settings.shrinkage(),
                    settings.minSupport());
        }
        FeatureMatrix matrix;
        String what;
        if (source == Source.FEATURES) {
            matrix = input.itemFeatures();
            what = "item features";
            if (matrix.columns() == 0) {
                throw new ConfigException(path + ".source",
                        "features needs item features, but features.item configures none");
            }
        } else {
            matrix = input.itemEmbeddings().orElseThrow(() -> new ConfigException(path + ".source",
                    "embeddings needs an interest model that exposes item embeddings; the fitted one has none"));
            what = "item embeddings";
        }
        if (matrix.rows() != n) {
            throw new IllegalArgumentException(what + " have " + matrix.rows() + " rows for " + n + " items");
        }
        return DenseItemVectors.build(matrix, measure, what);
    }

    @Override
    public float similarity(int a, int b) {
        Fitted state = fitted.get();
        Objects.checkIndex(a, state.lists().items());
        Objects.checkIndex(b, state.lists().items());
        return state.pairs().similarity(a, b);
    }

    @Override
    public ScoredItems neighbours(int item, int k) {
        Fitted state = fitted.get();
        Objects.checkIndex(item, state.lists().items());
        return state.lists().top(item, k);
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted state = fitted.get();
        StringBuilder meta = new StringBuilder();
        for (Map.Entry<String, String> e : describe(state.lists().items(), state.lists().k()).entrySet()) {
            meta.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        out.writeText(META, meta.toString());
        state.lists().save(out, "");
        String prefix = settings.source() == Source.HYBRID ? "" : settings.source().label() + ".";
        state.pairs().save(out, prefix);
    }

    /** What a saved model records about how it was made; load insists these match the config. */
    private Map<String, String> describe(int items, int kept) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("measure", measure.label());
        meta.put("source", settings.source().label());
        List<String> parts = new ArrayList<>();
        weights.forEach((s, w) -> parts.add(s.label() + ":" + w));
        meta.put("weights", String.join(",", parts));
        meta.put("neighbours", Integer.toString(settings.neighbours()));
        meta.put("shrinkage", Float.toString(settings.shrinkage()));
        meta.put("min-support", Integer.toString(settings.minSupport()));
        meta.put("binary", Boolean.toString(settings.binary()));
        meta.put("items", Integer.toString(items));
        meta.put("kept", Integer.toString(kept));
        return meta;
    }

    @Override
    public void load(ArtifactReader in) {
        Properties stored = new Properties();
        try {
            stored.load(new StringReader(in.readText(META)));
        } catch (IOException | IllegalArgumentException e) {
            throw new ArtifactException(in.location() + "/" + META + ": unreadable: " + e.getMessage(), e);
        }
        int items = intOf(stored, "items", in);
        int kept = intOf(stored, "kept", in);
        Map<String, String> expected = describe(items, kept);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String found = stored.getProperty(e.getKey());
            if (!e.getValue().equals(found)) {
                throw new ArtifactException(in.location() + "/" + META + ": fitted with " + e.getKey() + "=" + found
                        + " but configured with " + e.getKey() + "=" + e.getValue());
            }
        }
        List<Source> sources = List.copyOf(weights.keySet());
        PairSimilarity[] parts = new PairSimilarity[sources.size()];
        for (int p = 0; p < parts.length; p++) {
            String prefix = sources.get(p).label() + ".";
            parts[p] = sources.get(p) == Source.INTERACTIONS
                    ? SparseItemVectors.load(in, prefix, measure, settings.shrinkage(), settings.minSupport())
                    : DenseItemVectors.load(in, prefix, measure);
            if (parts[p].items() != items) {
                throw new ArtifactException(in.location() + "/" + prefix + "shape.i32: " + parts[p].items()
                        + " items, expected " + items);
            }
        }
        PairSimilarity pairs = settings.source() == Source.HYBRID
                ? new HybridSimilarity(sources, weights(sources), parts) : parts[0];
        fitted.set(new Fitted(pairs, NeighbourLists.load(in, "", items, kept)));
    }

    private static int intOf(Properties stored, String key, ArtifactReader in) {
        try {
            return Integer.parseInt(stored.getProperty(key, ""));
        } catch (NumberFormatException e) {
            throw new ArtifactException(in.location() + "/" + META + ": " + key + " is not a number");
        }
    }
}
