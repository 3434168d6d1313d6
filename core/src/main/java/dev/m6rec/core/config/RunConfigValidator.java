package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.SparkSettings;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.core.ann.IndexSettings;
import dev.m6rec.core.assembly.Assembly;
import dev.m6rec.core.eval.MetricSpec;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.prepare.DedupPolicy;
import dev.m6rec.core.prepare.FilterSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a {@link RawConfig} into a {@link RunConfig}, or throws one {@link ConfigException}
 * listing every problem with its key path: unknown keys (with "did you mean"), wrong types,
 * out-of-range values, unknown component types (with the available names), and cross-section
 * rules such as a similarity model required by the interest model.
 *
 * <pre>{@code
 * RunConfig config = RunConfigValidator.validate(raw, registry);
 * }</pre>
 */
public final class RunConfigValidator {
    private static final Set<String> FEATURE_SIDES = Set.of("user", "item");
    private static final String EVENTS = "events";
    private final RawConfig raw;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final ComponentSections components;

    private final PluginRegistry registry;

    private RunConfigValidator(RawConfig raw, PluginRegistry registry) {
        this.registry = registry;
        this.raw = Objects.requireNonNull(raw, "raw is null");
        this.components = new ComponentSections(Assembly.catalog(registry), problems, baseDir());
    }

    public static RunConfig validate(RawConfig raw, PluginRegistry registry) {
        if (raw.tree().containsKey(ModelListValidator.KEY)) {
            // Several models: each entry is validated as a whole config of its own; the shared sections
            // (and the first model, for what reads config.interest()) come from the first entry.
            List<ModelVariant> models = ModelListValidator.validate(raw, registry);
            RunConfig first = models.get(0).config();
            return new RunConfig(first.source(), raw.tree(), first.seed(), first.threads(), first.pluginDirs(),
                    first.data(), first.split(), first.userFeatures(), first.itemFeatures(), first.interest(),
                    first.similarity(), first.evaluation(), first.recommend(), first.output(), first.optimizer(),
                    first.searchSpace(), first.filter(), first.eventsLog(), first.spark(), models);
        }
        return new RunConfigValidator(raw, registry).run();
    }

    private RunConfig run() {
        int before = problems.size();
        BoundComponentConfig root = SectionBinder.bindSettings("", raw.tree(),
                CoreSectionSchemas.root(Runtime.getRuntime().availableProcessors()), problems);
        // Sections the top level already found malformed (e.g. "data: movielens") are not looked into.
        Set<String> badSections = new HashSet<>();
        problems.subList(before, problems.size()).forEach(p -> badSections.add(p.path()));

        settings("plugins", CoreSectionSchemas.plugins(), badSections);
        List<Path> pluginDirs = List.of();
        if (!badSections.contains("plugins") && problemsUnder("plugins").isEmpty()) {
            pluginDirs = raw.pluginDirs();
        }

        Optional<Path> eventsLog = events(badSections);
        var data = component(ComponentKind.LOADER, "data", "synthetic", badSections);
        FilterSettings filter = filter(badSections);
        var split = component(ComponentKind.SPLITTER, "split", "ratio", badSections);
        List<ConfiguredComponent> userFeatures = new ArrayList<>();
        List<ConfiguredComponent> itemFeatures = new ArrayList<>();
        features(badSections, userFeatures, itemFeatures);
        var interest = component(ComponentKind.INTEREST, "interest", "popularity", badSections);
        var similarity = optionalComponent(ComponentKind.SIMILARITY, "similarity", badSections, null);
        // The interest model, or one nested in it (a stack's base models), may rank with the similarity.
        Optional<ConfiguredComponent> similarityUser = interest.stream().flatMap(i -> i.withNested().stream())
                .filter(c -> c.factory() instanceof InterestModelFactory<?> factory && factory.requiresSimilarity())
                .findFirst();
        String user = similarityUser.map(c -> "interest model '" + c.type() + "'"
                + (c.path().equals("interest") ? "" : " (" + c.path() + ")")).orElse("");
        // A similarity section that is given but wrong was reported already; only a missing one is.
        boolean noSimilarity = !raw.tree().containsKey("similarity");
        if (similarityUser.isPresent() && noSimilarity) {
            problems.add(new ConfigProblem("similarity", "required by " + user));
        }
        if (similarityUser.isPresent() && similarity.isPresent() && similarity.get().needsEmbeddings()) {
            // The embeddings come from the interest model, which needs the similarity first: a cycle.
            problems.add(new ConfigProblem("similarity.source", user
                    + " ranks with the similarity, so the similarity cannot be built from its embeddings"));
        }
        EvaluationSettings evaluation = evaluation(badSections);
        RecommendSettings recommend = recommend(badSections);
        OutputSettings output = output(badSections);
        var optimizer = optionalComponent(ComponentKind.OPTIMIZER, "optimizer", badSections,
                evaluation.validationMetric());
        // Checked even when another optimizer key is wrong, so every problem is reported at once.
        if (raw.tree().get("optimizer") instanceof Map<?, ?> section && section.get("metric") instanceof String metric) {
            checkMetric("optimizer.metric", metric);
        }

        servingNeeds(recommend, interest, similarity, noSimilarity);
        Optional<SparkSettings> spark = SparkSection.bind(settings(SparkSection.PATH, SparkSection.schema(), badSections),
                raw.tree().containsKey(SparkSection.PATH) && !badSections.contains(SparkSection.PATH), problems);

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        RunConfig config = new RunConfig(raw.source(), raw.tree(), root.getLong("seed"), root.getInt("threads"),
                pluginDirs, data.orElseThrow(), split.orElseThrow(), userFeatures, itemFeatures, interest.orElseThrow(),
                similarity, evaluation, recommend, output, optimizer, Optional.empty(), filter, eventsLog, spark,
                List.of());
        if (optimizer.isEmpty()) {
            return config;
        }
        // The space names config paths, so it is checked against the components bound above.
        SearchSpace space = SearchSpaceParser.parse(optimizer.get().section().getMap("space"), config, registry);
        return new RunConfig(config.source(), config.resolved(), config.seed(), config.threads(), config.pluginDirs(),
                config.data(), config.split(), config.userFeatures(), config.itemFeatures(), config.interest(),
                config.similarity(), config.evaluation(), config.recommend(), config.output(), config.optimizer(),
                Optional.of(space), config.filter(), config.eventsLog(), config.spark(), List.of());
    }

    /**
     * What serving needs from the other sections, checked here rather than after training: recall
     * from the history and diversity rank with the similarity model; embedding recall, and a
     * similarity built from embeddings, need an interest model that learns them.
     */
    private void servingNeeds(RecommendSettings recommend, Optional<ConfiguredComponent> interest,
                              Optional<ConfiguredComponent> similarity, boolean noSimilarity) {
        if (noSimilarity) {
            if (recommend.diversity() > 0) {
                problems.add(new ConfigProblem("recommend.diversity", "needs a similarity section"));
            }
            if (recommend.recall().containsKey("history")) {
                problems.add(new ConfigProblem("recommend.recall.history", "needs a similarity section"));
            }
        }
        if (interest.isEmpty() || interest.get().learnsItemEmbeddings()) {
            return;
        }
        String without = "interest model '" + interest.get().type() + "' learns no item embeddings";
        if (recommend.recall().containsKey("embedding")) {
            problems.add(new ConfigProblem("recommend.recall.embedding", "needs item embeddings, and " + without));
        }
        if (similarity.isPresent() && similarity.get().needsEmbeddings()) {
            problems.add(new ConfigProblem("similarity.source", "embeddings need an interest model that learns item "
                    + "embeddings ('" + interest.get().type() + "' does not)"));
        }
    }

    private Optional<ConfiguredComponent> component(ComponentKind kind, String path, String defaultType,
                                                        Set<String> badSections) {
        if (badSections.contains(path)) {
            return Optional.empty();
        }
        Object section = raw.tree().get(path);
        if (path.equals("data") && section instanceof Map<?, ?> map && map.containsKey(EVENTS)) {
            // data.events belongs to core, not to the loader: the loader sees its own keys only.
            Map<Object, Object> own = new LinkedHashMap<>(map);
            own.remove(EVENTS);
            section = own;
        }
        return raw.tree().containsKey(path)
                ? components.bind(kind, path, section)
                : components.bindDefault(kind, path, defaultType);
    }

    /** {@code data.events: {log: DIR}}: the log must be an existing folder. */
    @SuppressWarnings("unchecked")
    private Optional<Path> events(Set<String> badSections) {
        if (badSections.contains("data") || !(raw.tree().get("data") instanceof Map<?, ?> data)
                || !data.containsKey(EVENTS)) {
            return Optional.empty();
        }
        if (!(data.get(EVENTS) instanceof Map<?, ?> section)) {
            problems.add(new ConfigProblem("data.events", "expected a mapping {log: DIR} (was "
                    + ValueFormat.show(data.get(EVENTS)) + ")"));
            return Optional.empty();
        }
        int before = problems.size();
        BoundComponentConfig events = SectionBinder.bindSettings("data.events", (Map<String, Object>) section,
                CoreSectionSchemas.events(), problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        String given = String.valueOf(events.givenValues().get("log"));
        try {
            Path log = baseDir().resolve(given).toAbsolutePath().normalize();
            if (!Files.isDirectory(log)) {
                problems.add(new ConfigProblem("data.events.log", "no such folder (was '" + given + "', resolved to "
                        + log + ")"));
                return Optional.empty();
            }
            return Optional.of(log);
        } catch (InvalidPathException e) {
            problems.add(new ConfigProblem("data.events.log", "not a valid path (was '" + given + "')"));
            return Optional.empty();
        }
    }

    private Path baseDir() {
        Path parent = raw.source() == null ? null : raw.source().toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("").toAbsolutePath();
    }

    private Optional<ConfiguredComponent> optionalComponent(ComponentKind kind, String path, Set<String> badSections,
                                                                String defaultMetric) {
        if (badSections.contains(path) || !raw.tree().containsKey(path)) {
            return Optional.empty();
        }
        if (defaultMetric == null) {
            return components.bind(kind, path, raw.tree().get(path));
        }
        return components.bind(kind, path, raw.tree().get(path), s -> CoreSectionSchemas.optimizer(s, defaultMetric));
    }

    private void features(Set<String> badSections, List<ConfiguredComponent> user, List<ConfiguredComponent> item) {
        if (badSections.contains("features") || !(raw.tree().get("features") instanceof Map<?, ?> section)) {
            return;
        }
        for (Object key : section.keySet()) {
            if (!FEATURE_SIDES.contains(String.valueOf(key))) {
                problems.add(new ConfigProblem("features." + key, SectionBinder.unknownKeyMessage(String.valueOf(key),
                        FEATURE_SIDES)));
            }
        }
        featureList("features.user", section.get("user"), user);
        featureList("features.item", section.get("item"), item);
    }

    private void featureList(String path, Object value, List<ConfiguredComponent> out) {
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(new ConfigProblem(path, "expected a list of feature extractors (was " + ValueFormat.show(value) + ")"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            components.bind(ComponentKind.FEATURE, ConfigPath.index(path, i), list.get(i)).ifPresent(out::add);
        }
    }

    private FilterSettings filter(Set<String> badSections) {
        BoundComponentConfig section = settings("filter", CoreSectionSchemas.filter(), badSections);
        return new FilterSettings(section.getInt("min-user-interactions"), section.getInt("min-item-interactions"),
                section.isSet("rating-threshold") ? OptionalDouble.of(section.getDouble("rating-threshold"))
                        : OptionalDouble.empty(),
                DedupPolicy.fromConfigName(section.getString("dedup")));
    }

    private EvaluationSettings evaluation(Set<String> badSections) {
        BoundComponentConfig section = settings("evaluation", CoreSectionSchemas.evaluation(), badSections);
        List<String> metrics = new ArrayList<>();
        if (problemsUnder("evaluation.metrics").isEmpty()) {
            List<String> given = section.getStringList("metrics");
            if (given.isEmpty()) {
                problems.add(new ConfigProblem("evaluation.metrics", "must name at least one metric, e.g. [ndcg@10]"));
            }
            for (int i = 0; i < given.size(); i++) {
                checkMetric(ConfigPath.index("evaluation.metrics", i), given.get(i)).ifPresent(m -> metrics.add(m.toString()));
            }
        }
        String validation = checkMetric("evaluation.validation-metric", section.getString("validation-metric"))
                .map(MetricSpec::toString).orElse("ndcg@10");
        List<Integer> groups = EvaluationSettings.DEFAULT_GROUPS;
        if (problemsUnder("evaluation.groups").isEmpty()) {
            groups = java.util.Arrays.stream(section.getIntArray("groups")).boxed().toList();
            for (int i = 1; i < groups.size(); i++) {
                if (groups.get(i) <= groups.get(i - 1)) {
                    problems.add(new ConfigProblem("evaluation.groups", "bounds must be strictly ascending (was "
                            + groups + ")"));
                    break;
                }
            }
        }
        return new EvaluationSettings(metrics, validation, section.getString("ranking"), section.getInt("max-users"),
                section.getInt("negatives"), section.getString("sampling"), groups, section.getDouble("head-share"));
    }

    private RecommendSettings recommend(Set<String> badSections) {
        BoundComponentConfig section = settings("recommend", CoreSectionSchemas.recommend(), badSections);
        Map<String, Integer> recall = new LinkedHashMap<>();
        for (String source : List.of("history", "popular", "embedding")) {
            if (section.isSet("recall." + source)) {
                recall.put(source, section.getInt("recall." + source));
            }
        }
        IndexSettings index = new IndexSettings(section.getString("index"), section.getInt("hnsw.m"),
                section.getInt("hnsw.beam-width"), section.getInt("hnsw.ef-search"), section.getLong("hnsw.seed"));
        return new RecommendSettings(section.getInt("k"), recall, section.getDouble("diversity"), index);
    }

    private OutputSettings output(Set<String> badSections) {
        BoundComponentConfig section = settings("output", CoreSectionSchemas.output(), badSections);
        Path dir = Path.of("runs", configName());
        if (section.isSet("dir")) {
            try {
                dir = Path.of(section.getString("dir"));
            } catch (InvalidPathException e) {
                problems.add(new ConfigProblem("output.dir", "not a valid path (was '" + section.getString("dir") + "')"));
            }
        }
        return new OutputSettings(dir, section.getInt("samples"), section.getInt("k"));
    }

    /** The config file's name without extension, {@code run} for configs built in code. */
    private String configName() {
        if (raw.source() == null || raw.source().getFileName() == null) {
            return "run";
        }
        String name = raw.source().getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @SuppressWarnings("unchecked")
    private BoundComponentConfig settings(String path, ConfigSchema schema, Set<String> badSections) {
        Object value = raw.tree().get(path);
        Map<String, Object> section = !badSections.contains(path) && value instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        return SectionBinder.bindSettings(path, section, schema, problems);
    }

    private Optional<MetricSpec> checkMetric(String path, String text) {
        try {
            return Optional.of(MetricSpec.parse(text));
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(path, e.getMessage()));
            return Optional.empty();
        }
    }

    private List<ConfigProblem> problemsUnder(String path) {
        return problems.stream().filter(p -> p.path().equals(path) || p.path().startsWith(path + ".")
                || p.path().startsWith(path + "[")).toList();
    }
}
