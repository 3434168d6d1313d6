package dev.m6rec.core.artifact;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.ann.HnswIndex;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RecommendSettings;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.events.LoggedEventsMerge;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.PipelineParts;
import dev.m6rec.core.pipeline.PipelinePlan;
import dev.m6rec.core.pipeline.PlanStep;
import dev.m6rec.core.pipeline.UserHistories;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Maps a {@link FittedPipeline} onto an artifact folder and back: ids, known interactions and
 * encoded features in {@code pipeline/}, then one folder per step of the {@link PipelinePlan},
 * each written by the component itself. Loading validates the stored config, walks the same plan
 * and lets each component restore its state.
 */
public final class PipelineArtifact {
    private static final String PIPELINE = "pipeline";
    private static final String SPLIT = "split";
    /** The HNSW graph of embedding recall, when the config searches one. */
    private static final String RECALL_INDEX = "recall-index";
    /** The log position training absorbed ({@code data.events}), one number in {@code events/absorbed.txt}. */
    private static final String EVENTS = "events";
    private static final String ABSORBED = "absorbed.txt";

    private PipelineArtifact() {
    }

    public static void save(Path dir, FittedPipeline pipeline, RunConfig config, PluginRegistry registry,
                            Map<String, Map<String, Double>> metrics) {
        save(dir, pipeline, config, registry, metrics, Optional.empty());
    }

    /**
     * As above, also storing the train/valid/test interactions in {@code split/}, so the exact
     * split that produced the metrics can be reproduced and re-evaluated.
     */
    public static void save(Path dir, FittedPipeline pipeline, RunConfig config, PluginRegistry registry,
                            Map<String, Map<String, Double>> metrics, Optional<DataSplit> split) {
        save(dir, pipeline, PipelinePlan.of(config), config, registry, metrics, split);
    }

    /**
     * As {@link #save(Path, FittedPipeline, RunConfig, PluginRegistry, Map)}, for a pipeline loaded from an
     * artifact whose training absorbed the event log up to {@code absorbedEvents}: re-saved, it keeps
     * that position, so a server loading the copy does not replay those events on top of it.
     */
    public static void save(Path dir, FittedPipeline pipeline, RunConfig config, PluginRegistry registry,
                            Map<String, Map<String, Double>> metrics, long absorbedEvents) {
        write(dir, pipeline, PipelinePlan.of(config), config, registry, metrics, Optional.empty(), absorbedEvents);
    }

    /** As above, storing the steps of {@code plan}, the plan {@code pipeline} was fitted with. */
    public static void save(Path dir, FittedPipeline pipeline, PipelinePlan plan, RunConfig config,
                            PluginRegistry registry, Map<String, Map<String, Double>> metrics,
                            Optional<DataSplit> split) {
        long absorbed = split.map(s -> s.dataset().loadCounts().getOrDefault(LoggedEventsMerge.ABSORBED_POSITION, 0L))
                .orElse(0L);
        write(dir, pipeline, plan, config, registry, metrics, split, absorbed);
    }

    private static void write(Path dir, FittedPipeline pipeline, PipelinePlan plan, RunConfig config,
                              PluginRegistry registry, Map<String, Map<String, Double>> metrics,
                              Optional<DataSplit> split, long absorbedEvents) {
        Map<String, Consumer<ArtifactWriter>> folders = new LinkedHashMap<>();
        List<ArtifactManifest.ComponentEntry> components = new ArrayList<>();
        Map<String, PluginInfo> plugins = new LinkedHashMap<>();
        folders.put(PIPELINE, out -> writePipelineState(out, pipeline));
        split.ifPresent(s -> folders.put(SPLIT, out -> {
            writeInteractions(out, "train", s.train());
            writeInteractions(out, "valid", s.valid());
            writeInteractions(out, "test", s.test());
        }));
        Map<String, String> folderOfStep = new LinkedHashMap<>();
        for (PlanStep step : plan.steps()) {
            String folder = ArtifactFileNames.folderOf(step.component().path());
            folders.put(folder, out -> step.save(pipeline, out));
            folderOfStep.put(step.component().path(), folder);
        }
        // Provenance lists every section, stored or not, with its effective settings.
        for (ConfiguredComponent c : config.components()) {
            components.add(new ArtifactManifest.ComponentEntry(c.path(), c.type(), c.registered().plugin().name(),
                    folderOfStep.get(c.path()), c.effective()));
            plugins.put(c.registered().plugin().name(), c.registered().plugin());
        }
        recallIndex(pipeline, config.recommend()).ifPresent(index -> folders.put(RECALL_INDEX, index::save));
        if (absorbedEvents > 0) {
            folders.put(EVENTS, out -> out.writeText(ABSORBED, absorbedEvents + "\n"));
        }
        List<ArtifactManifest.PluginEntry> pluginEntries = new ArrayList<>();
        // Absolute, so that a later load from another working directory still names the right folder.
        plugins.forEach((name, plugin) -> pluginEntries.add(new ArtifactManifest.PluginEntry(name, plugin.version(),
                plugin.source().equals("classpath") ? "classpath" : Path.of(plugin.source()).toAbsolutePath().toString())));
        ArtifactManifest base = new ArtifactManifest(ArtifactManifest.FORMAT, ArtifactManifest.CURRENT_VERSION,
                withoutEventsLog(config.resolved()), config.seed(), pluginEntries, components, LibraryVersions.of(registry),
                measured(metrics), Map.of());
        ArtifactStore.save(dir, base, folders);
    }

    /**
     * The config as stored: without {@code data.events}, whose log is an input like the dataset's
     * files, recorded by the position absorbed; loading the artifact must not need the log folder.
     */
    private static Map<String, Object> withoutEventsLog(Map<String, Object> resolved) {
        if (!(resolved.get("data") instanceof Map<?, ?> data) || !data.containsKey("events")) {
            return resolved;
        }
        Map<String, Object> out = new LinkedHashMap<>(resolved);
        Map<Object, Object> section = new LinkedHashMap<>(data);
        section.remove("events");
        out.put("data", section);
        return out;
    }

    /** The log position up to which training absorbed the event log (0 when it read none). */
    private static long absorbedEvents(ArtifactStore.OpenedArtifact artifact) {
        if (!artifact.manifest().files().containsKey(EVENTS + "/" + ABSORBED)) {
            return 0;
        }
        ArtifactReader in = artifact.reader(EVENTS);
        String text = in.readText(ABSORBED).strip();
        try {
            long position = Long.parseLong(text);
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw new ArtifactException(in.location() + "/" + ABSORBED + ": not a log position (was '" + text + "')");
        }
    }

    /**
     * The metrics that have a value: a split with nothing held out (a run without validation)
     * reports NaN, which the manifest's reader refuses as it refuses any non-finite number.
     */
    private static Map<String, Map<String, Double>> measured(Map<String, Map<String, Double>> metrics) {
        Map<String, Map<String, Double>> kept = new LinkedHashMap<>();
        metrics.forEach((split, values) -> {
            Map<String, Double> finite = new LinkedHashMap<>();
            values.forEach((metric, value) -> {
                if (value != null && Double.isFinite(value)) {
                    finite.put(metric, value);
                }
            });
            if (!finite.isEmpty()) {
                kept.put(split, finite);
            }
        });
        return kept;
    }

    private static void writePipelineState(ArtifactWriter out, FittedPipeline pipeline) {
        out.writeText("users.txt", ids(pipeline.users()));
        out.writeText("items.txt", ids(pipeline.items()));
        writeInteractions(out, "known", pipeline.knownInteractions());
        writeMatrix(out, "user-features", pipeline.userFeatures());
        writeMatrix(out, "item-features", pipeline.itemFeatures());
    }

    private static void writeInteractions(ArtifactWriter out, String prefix, Interactions rows) {
        int[] users = new int[rows.size()];
        int[] items = new int[rows.size()];
        float[] ratings = new float[rows.size()];
        long[] times = new long[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            users[r] = rows.user(r);
            items[r] = rows.item(r);
            ratings[r] = rows.rating(r);
            times[r] = rows.timestamp(r);
        }
        out.writeInts(prefix + "-users.i32", users);
        out.writeInts(prefix + "-items.i32", items);
        if (rows.hasRatings()) {
            out.writeFloats(prefix + "-ratings.f32", ratings);
        }
        if (rows.hasTimestamps()) {
            out.writeLongs(prefix + "-timestamps.i64", times);
        }
    }

    private static Interactions readInteractions(ArtifactReader in, String prefix, int numUsers, int numItems) {
        int[] users = in.readInts(prefix + "-users.i32");
        int[] items = in.readInts(prefix + "-items.i32");
        float[] ratings = in.exists(prefix + "-ratings.f32") ? in.readFloats(prefix + "-ratings.f32") : null;
        long[] times = in.exists(prefix + "-timestamps.i64") ? in.readLongs(prefix + "-timestamps.i64") : null;
        if (items.length != users.length || (ratings != null && ratings.length != users.length)
                || (times != null && times.length != users.length)) {
            throw new ArtifactException(in.location() + "/" + prefix + "-*: columns of different lengths");
        }
        for (int r = 0; r < users.length; r++) {
            if (users[r] < 0 || users[r] >= numUsers || items[r] < 0 || items[r] >= numItems) {
                throw new ArtifactException(in.location() + "/" + prefix + "-*: row " + r + " is out of the id range");
            }
        }
        return Interactions.adopt(numUsers, numItems, users, items, ratings, times);
    }

    private static String ids(IdIndex index) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < index.size(); i++) {
            String id = index.id(i);
            if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw new ArtifactException("id with a line break cannot be stored: " + id.replace("\n", "\\n"));
            }
            text.append(id).append('\n');
        }
        return text.toString();
    }

    private static void writeMatrix(ArtifactWriter out, String name, FeatureMatrix matrix) {
        out.writeText(name + ".columns.txt", String.join("\n", matrix.columnNames()));
        out.writeFloats(name + ".f32", matrix.data());
    }

    /** Opens, verifies and rebuilds a pipeline; {@code threads}/executor come from the host. */
    public static LoadedPipeline load(Path dir, PluginRegistry registry, java.util.concurrent.ExecutorService executor,
                                      dev.m6rec.api.ProgressReporter progress) {
        return load(dir, registry, executor, progress, PipelinePlan::of);
    }

    /** As above, restoring the steps of the plan {@code planner} makes for the stored config. */
    public static LoadedPipeline load(Path dir, PluginRegistry registry, java.util.concurrent.ExecutorService executor,
                                      dev.m6rec.api.ProgressReporter progress,
                                      java.util.function.Function<RunConfig, PipelinePlan> planner) {
        ArtifactStore.OpenedArtifact artifact = ArtifactStore.open(dir);
        ArtifactManifest manifest = artifact.manifest();
        PluginVersions.check(dir, manifest, registry, progress);
        RunConfig config = RunConfigValidator.validate(RawConfig.fromMap(manifest.config()), registry);
        checkComponents(dir, manifest, config);
        DefaultPluginContext context = new DefaultPluginContext(config.seed(), "run", executor, config.threads(),
                progress, Path.of("").toAbsolutePath());
        ArtifactReader state = artifact.reader(PIPELINE);
        IdIndex users = ids(state, "users.txt");
        IdIndex items = ids(state, "items.txt");
        Interactions known = readInteractions(state, "known", users.size(), items.size());
        FeatureMatrix userFeatures = readMatrix(state, "user-features", users.size());
        FeatureMatrix itemFeatures = readMatrix(state, "item-features", items.size());

        PipelineParts parts = PipelineParts.forLoad(users.size(), items.size(), userFeatures, itemFeatures);
        for (PlanStep step : planner.apply(config).steps()) {
            String path = step.component().path();
            step.load(parts, artifact.reader(ArtifactFileNames.folderOf(path)), context.forComponent(path));
        }
        FittedPipeline pipeline = FittedPipeline.of(users, items, parts, new UserHistories(known, userFeatures));
        boolean storedIndex = manifest.files().keySet().stream().anyMatch(f -> f.startsWith(RECALL_INDEX + "/"));
        if (storedIndex && config.recommend().recall().getOrDefault("embedding", 0) > 0) {
            FeatureMatrix embeddings = pipeline.interest().itemEmbeddings().orElseThrow(() -> new ArtifactException(
                    dir.resolve(RECALL_INDEX) + ": a recall index, but the interest model has no item embeddings"));
            pipeline.restoreRecallIndex(HnswIndex.load(artifact.reader(RECALL_INDEX), embeddings.data(),
                    embeddings.columns(), config.recommend().index()));
        }
        return new LoadedPipeline(pipeline, config, manifest, absorbedEvents(artifact));
    }

    /** The HNSW graph embedding recall searches under {@code settings}, if any (built now if not yet). */
    private static Optional<HnswIndex> recallIndex(FittedPipeline pipeline, RecommendSettings settings) {
        return settings.recall().getOrDefault("embedding", 0) > 0 ? pipeline.recallIndex(settings.index())
                : Optional.empty();
    }

    /** The manifest's component list must describe the stored config: same paths, types and plugins. */
    private static void checkComponents(Path dir, ArtifactManifest manifest, RunConfig config) {
        Map<String, String> listed = new LinkedHashMap<>();
        manifest.components().forEach(c -> listed.put(c.path(), c.type() + " from plugin '" + c.plugin() + "'"));
        Map<String, String> configured = new LinkedHashMap<>();
        config.components().forEach(c -> configured.put(c.path(), c.type() + " from plugin '"
                + c.registered().plugin().name() + "'"));
        if (!listed.equals(configured)) {
            throw new ArtifactException(dir.resolve(ArtifactStore.MANIFEST) + ": components " + listed
                    + " do not match the stored config " + configured);
        }
    }

    /** The ids of {@code name}, one a line; a repeated id (possible only in a resealed artifact) names its lines. */
    private static IdIndex ids(ArtifactReader in, String name) {
        List<String> lines = lines(in.readText(name));
        IdIndex.Builder builder = IdIndex.builder();
        for (int i = 0; i < lines.size(); i++) {
            int first = builder.indexOf(lines.get(i));
            if (first >= 0) {
                throw new ArtifactException(in.location() + "/" + name + ":" + (i + 1) + ": duplicate id '" + lines.get(i)
                        + "' (first on line " + (first + 1) + ")");
            }
            builder.add(lines.get(i));
        }
        return builder.build();
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    private static FeatureMatrix readMatrix(ArtifactReader in, String name, int rows) {
        String columns = in.readText(name + ".columns.txt");
        List<String> names = columns.isEmpty() ? List.of() : List.of(columns.split("\n", -1));
        float[] data = in.readFloats(name + ".f32");
        if ((long) rows * names.size() != data.length) {
            throw new ArtifactException(in.location() + "/" + name + ".f32: " + data.length + " values, expected "
                    + rows + "x" + names.size());
        }
        return new FeatureMatrix(rows, names, data);
    }

    /**
     * A pipeline restored from an artifact, with the config and manifest it came from, and the event
     * log position its training absorbed ({@code data.events}; 0 when none): a server replays only
     * the events after it.
     */
    public record LoadedPipeline(FittedPipeline pipeline, RunConfig config, ArtifactManifest manifest,
                                 long absorbedEvents) {
    }
}
