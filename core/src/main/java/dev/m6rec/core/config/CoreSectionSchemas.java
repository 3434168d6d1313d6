package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.core.ann.IndexSettings;
import java.util.List;
import java.util.Set;

/**
 * The schemas of core's own config sections, checked by the same {@link SectionBinder} as
 * plugin components, so messages and the generated reference look alike.
 */
public final class CoreSectionSchemas {
    /** The study keys an {@code optimizer:} section accepts besides its plugin's own parameters. */
    public static final Set<String> STUDY_KEYS = Set.of("trials", "metric", "direction", "parallel", "timeout", "space");

    private CoreSectionSchemas() {
    }

    /** The top level: scalars plus one mapping per section. */
    public static ConfigSchema root(int defaultThreads) {
        return ConfigSchema.builder()
                .longParam("seed", 42L, "the run seed; every random choice derives from it")
                .intParam("threads", defaultThreads, "worker threads (default: available processors)").atLeast(1)
                .mapParam("plugins", "where plugin jars are found besides the class path")
                .mapParam("data", "the dataset loader: {type: ..., ...}")
                .mapParam("filter", "what is removed before the split: k-core minimums, a rating threshold, duplicates")
                .mapParam("split", "how interactions are split into train/valid/test: {type: ..., ...}")
                .mapParam("features", "feature extractors: {user: [...], item: [...]}")
                .mapParam("interest", "the interest (ranking) model: {type: ..., ...}")
                .mapParam("similarity", "the item similarity model: {type: ..., ...}")
                .mapParam("evaluation", "metrics and ranking protocol")
                .mapParam("recommend", "list length, recall quotas and diversity")
                .mapParam("output", "where results are written")
                .mapParam("optimizer", "hyper-parameter search: {type: ..., trials: ..., space: {...}}")
                .mapParam("spark", "run the heavy steps on Apache Spark: {master: local[*], conf: {...}}")
                .build();
    }

    /** {@code data.events:}, the event log whose events join the dataset (see LoggedEventsMerge). */
    public static ConfigSchema events() {
        return ConfigSchema.builder()
                .pathParam("log", null, "an event log folder (m6rec serve --events-log): its events join the dataset, "
                        + "de-duplicated by event id").required()
                .build();
    }

    public static ConfigSchema plugins() {
        return ConfigSchema.builder()
                .stringListParam("dirs", List.of(), "plugin directories, relative to the config file")
                .build();
    }

    /** The {@code filter:} section, applied to the whole dataset before the split (see DatasetFilter). */
    public static ConfigSchema filter() {
        return ConfigSchema.builder()
                .intParam("min-user-interactions", 0, "k-core: users with fewer interactions are removed, repeated "
                        + "with items until both minimums hold (0 = off)").atLeast(0)
                .intParam("min-item-interactions", 0, "k-core: items with fewer interactions are removed (0 = off)")
                .atLeast(0)
                .floatParam("rating-threshold", null, "interactions rated below it are dropped; the rest are the "
                        + "positives and keep their ratings")
                .stringParam("dedup", "none", "repeated (user, item) pairs: keep the first or last (by time), the max "
                        + "(highest rating), or none (keep all)").oneOf("none", "first", "last", "max")
                .build();
    }

    public static ConfigSchema evaluation() {
        return ConfigSchema.builder()
                .stringListParam("metrics", EvaluationSettings.DEFAULT_METRICS, "metrics reported on valid and test, as name@K")
                .stringParam("validation-metric", "ndcg@10", "the metric for early stopping and tuning")
                .stringParam("ranking", "full", "full: rank all items, seen items excluded; sampled: rank held-out items among sampled negatives")
                .oneOf("full", "sampled")
                .intParam("negatives", 100, "sampled ranking: negatives per held-out item").atLeast(1)
                .stringParam("sampling", "uniform", "sampled ranking: draw negatives uniformly or by popularity")
                .oneOf("uniform", "popularity")
                .intParam("max-users", 0, "evaluate at most this many users (0 = all), sampled with the run seed").atLeast(0)
                .intListParam("groups", EvaluationSettings.DEFAULT_GROUPS, "test metrics also per user activity group: "
                        + "ascending upper bounds of training interactions per user ([] = off)").atLeast(0)
                .floatParam("head-share", EvaluationSettings.DEFAULT_HEAD_SHARE, "model comparisons: the share of "
                        + "items, most popular first, that is the head when head and tail exposure are reported")
                .greaterThan(0).lessThan(1)
                .build();
    }

    public static ConfigSchema recommend() {
        return ConfigSchema.builder()
                .intParam("k", 10, "recommendations per list").atLeast(1)
                .intParam("recall.history", null, "candidates from neighbours of the user's history (0 = off)").atLeast(0)
                .intParam("recall.popular", null, "candidates from the most popular items (0 = off)").atLeast(0)
                .intParam("recall.embedding", null, "candidates nearest in the interest model's embedding space (0 = off)").atLeast(0)
                .floatParam("diversity", 0.0, "MMR diversity weight (0 = pure relevance)").atLeast(0).atMost(1)
                .stringParam("index", "auto", "embedding recall search: exact scan, hnsw graph, or auto (hnsw from "
                        + IndexSettings.AUTO_THRESHOLD + " items)").oneOf("auto", "exact", "hnsw")
                .intParam("hnsw.m", 16, "hnsw: maximum neighbours per node (twice that on the bottom level)").atLeast(2)
                .intParam("hnsw.beam-width", 100, "hnsw: candidates kept while building (efConstruction)").atLeast(1)
                .intParam("hnsw.ef-search", 100, "hnsw: candidates kept while searching (recall against speed)").atLeast(1)
                .longParam("hnsw.seed", 42L, "hnsw: seed of the graph's random levels")
                .build();
    }

    public static ConfigSchema output() {
        return ConfigSchema.builder()
                .stringParam("dir", null, "output folder (default runs/<config name>), relative to the working directory")
                .intParam("samples", 3, "users whose sample recommendations are printed").atLeast(0)
                .intParam("k", 10, "length of the printed sample lists").atLeast(1)
                .build();
    }

    /**
     * An optimizer plugin's schema plus the study keys; a key the plugin declares itself keeps the
     * plugin's declaration.
     */
    public static ConfigSchema optimizer(ConfigSchema pluginSchema, String defaultMetric) {
        ConfigSchema.Builder builder = ConfigSchema.builder();
        for (ParamSpec spec : pluginSchema.params()) {
            builder.add(spec);
        }
        ConfigSchema study = ConfigSchema.builder()
                .intParam("trials", 20, "how many trials the study runs").atLeast(1)
                .stringParam("metric", defaultMetric, "the metric to optimise (default: evaluation.validation-metric)")
                .stringParam("direction", "maximize", "whether larger or smaller metric values are better")
                .oneOf("maximize", "minimize")
                .intParam("parallel", 1, "trials run at once").atLeast(1)
                .floatParam("timeout", null, "wall-time budget of the study in seconds").greaterThan(0)
                .mapParam("space", "the search space, keyed by config path")
                .build();
        for (ParamSpec spec : study.params()) {
            if (pluginSchema.param(spec.key()).isEmpty()) {
                builder.add(spec);
            }
        }
        return builder.build();
    }
}
