package dev.m6rec.runtime;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.UnknownEntityException;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.artifact.PipelineArtifact;
import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.events.EventLog;
import dev.m6rec.core.events.LoggedEvent;
import dev.m6rec.core.events.LoggedEventsMerge;
import dev.m6rec.core.pipeline.Explanation;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.core.run.PipelineRun;
import dev.m6rec.core.run.RunOutputs;
import dev.m6rec.core.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The embeddable M6-Rec: build it from a config and train it, or load a trained artifact; then
 * recommend, find similar items, explain, record events and save. Thread-safe: any number of
 * threads may call it at once, including during {@link #reload}.
 *
 * <pre>{@code
 * try (M6Rec rec = M6Rec.fromConfig(Path.of("examples/quickstart.yaml"), List.of())) {
 *     RunResult result = rec.train();
 *     rec.save(Path.of("runs/quickstart/artifact"));
 *     List<Recommendation> top = rec.recommend("u42", 10, item -> true);
 *     rec.record(Event.click("u42", top.get(0).item(), System.currentTimeMillis() / 1000));
 * }
 * try (M6Rec served = M6Rec.load(Path.of("runs/quickstart/artifact"), List.of())) { ... }
 * }</pre>
 */
public final class M6Rec implements AutoCloseable {
    private static final int DEFAULT_CACHE_LIMIT = 100_000;
    private final PluginRegistry registry;
    private final RunConfig config;
    private final ProgressReporter progress;
    private final AtomicReference<ServingState> serving = new AtomicReference<>();
    /** The durable log, or null when events live in memory only. */
    private final EventLog eventLog;
    /** Appends hold the read side; a reload's replay holds the write side, so no event falls between. */
    private final ReentrantReadWriteLock eventsLock = new ReentrantReadWriteLock();
    /**
     * Without a log, the live events, carried over reloads in this one instance; with a log, the
     * template whose fresh copies each replay fills (they share its limits and counters).
     */
    private final LiveHistories liveWithoutLog;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile double replaySeconds;
    private final ConcurrentHashMap<String, CachedList> cache = new ConcurrentHashMap<>();
    private volatile RunResult lastRun;
    private volatile int cacheLimit = DEFAULT_CACHE_LIMIT;

    private record CachedList(ServingState state, long liveVersion, List<Recommendation> list) {
    }

    private M6Rec(PluginRegistry registry, RunConfig config, ProgressReporter progress, EventSettings events) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
        this.config = config;
        this.progress = Objects.requireNonNull(progress, "progress is null");
        Objects.requireNonNull(events, "events is null");
        this.liveWithoutLog = new LiveHistories(events.perUserLimit(), events.totalLimit(), progress::info);
        this.eventLog = events.log().map(settings -> EventLog.open(settings, progress)).orElse(null);
    }

    /** A pipeline described by a YAML file (with {@code --set}-style overrides), not yet trained; training is silent. */
    public static M6Rec fromConfig(Path yaml, List<String> overrides) {
        return fromConfig(yaml, overrides, ProgressReporter.silent());
    }

    /**
     * As {@link #fromConfig(Path, List)}, reporting the progress of {@link #train()} (loading, each
     * model's phases and epochs, evaluation) to the host's {@code progress}, which must be thread-safe.
     *
     * <pre>{@code
     * M6Rec rec = M6Rec.fromConfig(Path.of("run.yaml"), List.of(), new ProgressReporter() {
     *     public ProgressTask begin(String name, long total) { return myBar(name, total); }
     *     public void info(String message) { log.info(message); }
     * });
     * }</pre>
     */
    public static M6Rec fromConfig(Path yaml, List<String> overrides, ProgressReporter progress) {
        return fromConfig(ConfigLoader.load(yaml, overrides), List.of(), progress);
    }

    /** A pipeline from an already loaded config, plugins from the classpath plus {@code pluginDirs}. */
    public static M6Rec fromConfig(RawConfig raw, List<Path> pluginDirs, ProgressReporter progress) {
        return fromConfig(raw, pluginDirs, progress, EventSettings.defaults());
    }

    /** As {@link #fromConfig(RawConfig, List, ProgressReporter)}, keeping events as {@code events} says. */
    public static M6Rec fromConfig(RawConfig raw, List<Path> pluginDirs, ProgressReporter progress,
                                   EventSettings events) {
        List<Path> dirs = new ArrayList<>(raw.pluginDirs());
        dirs.addAll(pluginDirs);
        PluginRegistry registry = PluginRegistry.discover(M6Rec.class.getClassLoader(), dirs);
        RunConfig config = RunConfigValidator.validate(raw, registry);
        if (config.comparesModels()) {
            // A facade serves one pipeline; quietly training the first of the list would hide the others.
            throw new ConfigException("models", "the embedding API trains and serves one model: give 'interest', "
                    + "or compare the models with m6rec run");
        }
        return new M6Rec(registry, config, progress, events);
    }

    /** A trained pipeline loaded (and verified) from an artifact folder. */
    public static M6Rec load(Path artifact, List<Path> pluginDirs) {
        return load(artifact, pluginDirs, EventSettings.defaults(), ProgressReporter.silent());
    }

    /**
     * A trained pipeline loaded from an artifact folder, keeping events as {@code events} says: with a
     * log, the events logged after those the artifact absorbed are replayed before this returns.
     * Warnings (a torn record cut off the log, the memory cap biting) go to {@code progress}.
     */
    public static M6Rec load(Path artifact, List<Path> pluginDirs, EventSettings events, ProgressReporter progress) {
        PluginRegistry registry = PluginRegistry.discover(M6Rec.class.getClassLoader(), pluginDirs);
        M6Rec rec = new M6Rec(registry, null, progress, events);
        try {
            rec.reload(artifact);
        } catch (RuntimeException e) {
            rec.close();
            throw e;
        }
        return rec;
    }

    /** Trains and evaluates the configured pipeline; it then serves. Returns metrics and samples. */
    public RunResult train() {
        if (config == null) {
            throw new IllegalStateException("a loaded artifact has no training config; build from a config to train");
        }
        RunResult result = PipelineRun.execute(config, progress);
        lastRun = result;
        swap(result.trained().pipeline(), config, "trained", Optional.of(result),
                result.trained().split().dataset().loadCounts().getOrDefault(LoggedEventsMerge.ABSORBED_POSITION, 0L));
        return result;
    }

    /** Metrics of the last {@link #train()}, as {@code {"valid": {...}, "test": {...}}}. */
    public Map<String, Map<String, Double>> evaluate() {
        RunResult run = lastRun;
        if (run == null) {
            throw new IllegalStateException("nothing trained in this instance");
        }
        return Map.of("valid", run.valid(), "test", run.test());
    }

    /**
     * Loads a new artifact and swaps it in; requests in flight finish on the old pipeline. If the
     * new artifact fails to load, the old one keeps serving and the failure is thrown.
     */
    public void reload(Path artifact) {
        ExecutorService executor = PipelineRun.newExecutor(1);
        try {
            PipelineArtifact.LoadedPipeline loaded = PipelineArtifact.load(artifact, registry, executor, progress);
            String version = artifact.toAbsolutePath().normalize() + "@" + loaded.manifest().files().hashCode();
            swap(loaded.pipeline(), loaded.config(), version, Optional.empty(), loaded.absorbedEvents());
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Serves a new pipeline. With an event log, its live events are rebuilt by replaying the log after
     * {@code absorbed} (the position the pipeline's training run absorbed), with appends held back, so
     * the new pipeline sees every event exactly once: in its training data or in its live events.
     */
    private void swap(FittedPipeline pipeline, RunConfig runConfig, String version, Optional<RunResult> trainedBy,
                      long absorbed) {
        if (eventLog == null) {
            install(new ServingState(pipeline, runConfig, version, trainedBy, liveWithoutLog, absorbed));
            return;
        }
        eventsLock.writeLock().lock();
        try {
            long start = System.nanoTime();
            LiveHistories live = liveWithoutLog.fresh();
            long[] count = new long[1];
            eventLog.replay(absorbed, e -> {
                live.append(e.user(), e.item(), e.rating());
                count[0]++;
            });
            replayed.addAndGet(count[0]);
            replaySeconds = (System.nanoTime() - start) / 1e9;
            install(new ServingState(pipeline, runConfig, version, trainedBy, live, absorbed));
            removeAbsorbedSegments(absorbed);
        } finally {
            eventsLock.writeLock().unlock();
        }
    }

    /**
     * The segments whose every event the new pipeline's training absorbed are removed: they would
     * never be replayed again on top of it. (Loading an older artifact afterwards would lack them.)
     */
    private void removeAbsorbedSegments(long absorbed) {
        if (absorbed == 0) {
            return;
        }
        long last = eventLog.lastPosition();
        if (absorbed > last) {
            progress.info("warning: the artifact absorbed events up to log position " + absorbed + " but the log in "
                    + eventLog.dir() + " ends at " + last + "; was it trained on another log?");
            return;
        }
        int removed = eventLog.removeSegmentsUpTo(absorbed);
        if (removed > 0) {
            progress.info("event log: removed " + removed + " segment(s) absorbed by training (up to position "
                    + absorbed + ")");
        }
    }

    private void install(ServingState next) {
        ServingState old = serving.getAndSet(next);
        cache.clear();
        if (old != null) {
            old.release();
        }
    }

    /**
     * Bounds the per-user result cache ({@code 0} turns it off, so that every call runs recall,
     * rank and re-rank; batch exports and benchmarks want that). Default 100,000 lists.
     */
    public void setCacheLimit(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("cache limit must be >= 0 (was " + maxEntries + ")");
        }
        cacheLimit = maxEntries;
        cache.clear();
    }

    /** Which pipeline is serving: "trained" or the artifact path with a content tag. */
    public String version() {
        return state(ServingState::version);
    }

    /** The top {@code k} for a known user, history (including recorded events) excluded, filtered. */
    public List<Recommendation> recommend(String user, int k, Predicate<String> filter) {
        return state(s -> {
            boolean cacheable = filter == null && cacheLimit > 0;
            String key = user + "\u0000" + k;
            long liveVersion = s.live().version(user);
            if (cacheable) {
                CachedList hit = cache.get(key);
                if (hit != null && hit.state == s && hit.liveVersion == liveVersion) {
                    return hit.list;
                }
            }
            List<Recommendation> list = recommend(s, profileOf(s, user), k, filter);
            // A list computed on a pipeline that was swapped out meanwhile is not kept: it would pin
            // the retired pipeline in memory until its key is overwritten.
            if (cacheable && serving.get() == s) {
                if (cache.size() >= cacheLimit) {
                    cache.clear();
                }
                cache.put(key, new CachedList(s, liveVersion, list));
            }
            return list;
        });
    }

    /**
     * The top {@code k} of each of {@code users}, in order, as {@link #recommend(String, int, Predicate)}
     * gives them without a filter; the users are scored in blocks (one GEMM per block for the
     * models that support it). Bypasses the list cache: an export computes each list once.
     */
    public List<List<Recommendation>> recommendAll(List<String> users, int k) {
        return state(s -> {
            List<UserProfile> profiles = new ArrayList<>(users.size());
            for (String user : users) {
                profiles.add(profileOf(s, user));
            }
            List<List<Recommendation>> lists = new ArrayList<>(users.size());
            for (ScoredItems top : s.recommender().recommendAll(profiles, k)) {
                lists.add(toList(s.pipeline(), top));
            }
            return lists;
        });
    }

    /** The top {@code k} for a user known only by attributes (cold start). */
    public List<Recommendation> recommend(Attributes attributes, int k) {
        return state(s -> recommend(s, s.pipeline().profile(attributes), k, null));
    }

    private List<Recommendation> recommend(ServingState s, UserProfile profile, int k, Predicate<String> filter) {
        FittedPipeline p = s.pipeline();
        boolean[] excluded = null;
        if (filter != null) {
            excluded = new boolean[p.items().size()];
            for (int i = 0; i < excluded.length; i++) {
                excluded[i] = !filter.test(p.items().id(i));
            }
        }
        return toList(p, s.recommender().recommend(profile, k, excluded));
    }

    /** Whether a user is known (trained on, or has recorded events). */
    public boolean knowsUser(String user) {
        return state(s -> s.pipeline().users().indexOf(user) >= 0 || s.live().has(user));
    }

    /** Whether the serving pipeline knows an item. */
    public boolean knowsItem(String item) {
        return state(s -> s.pipeline().items().indexOf(item) >= 0);
    }

    /**
     * Runs {@code work} on the serving pipeline and the config it was trained with, holding them so
     * that a concurrent reload cannot close them underneath: for engines that run core's own steps
     * on a loaded artifact (the distributed evaluation of module {@code m6rec-spark}).
     */
    public <T> T withPipeline(BiFunction<FittedPipeline, RunConfig, T> work) {
        return state(s -> work.apply(s.pipeline(), s.config()));
    }

    /** The external ids of the users the serving pipeline was trained on, in index order. */
    public List<String> users() {
        return state(s -> s.pipeline().users().ids());
    }

    /** The external ids of the serving pipeline's items, in index order. */
    public List<String> items() {
        return state(s -> s.pipeline().items().ids());
    }

    private UserProfile profileOf(ServingState s, String user) {
        int index = s.pipeline().users().indexOf(user);
        UserProfile base;
        if (index >= 0) {
            base = s.pipeline().profile(index);
        } else if (s.live().has(user)) {
            base = s.pipeline().profile(Attributes.none());
        } else {
            throw new UnknownEntityException("user", user);
        }
        return s.live().extend(user, base, s.pipeline().items());
    }

    /** Items most similar to {@code item}. */
    public List<Recommendation> similarItems(String item, int k) {
        return state(s -> toList(s.pipeline(), s.recommender().similarItems(itemIndex(s, item), k)));
    }

    /** The history items that contributed most to recommending {@code item} to {@code user}. */
    public List<Contribution> explain(String user, String item) {
        return state(s -> {
            Explanation e = s.recommender().explain(profileOf(s, user), itemIndex(s, item), 5);
            List<Contribution> out = new ArrayList<>();
            for (int r = 0; r < e.becauseOf().length; r++) {
                out.add(new Contribution(s.pipeline().items().id(e.becauseOf()[r]), e.weights()[r]));
            }
            return out;
        });
    }

    /** Records an event; the user's next recommendations take it into account. See {@link #recordAll}. */
    public RecordedEvent record(Event event) {
        return recordAll(List.of(event)).get(0);
    }

    /**
     * Records events, in order: the one way in for every source of events (HTTP, this facade, a
     * stream consumer). Every item must be known to the serving pipeline ({@link UnknownEntityException}
     * otherwise, and then nothing is recorded). With an event log this returns only once every new
     * event is durable (fsynced), and an event whose id the log already holds is not recorded again
     * (a retry or redelivery; its result says {@code duplicate}); so a source may acknowledge, or commit
     * its offset, as soon as this returns. Without a log, events live in memory only and ids are not
     * checked. The users' next recommendations take the new events into account.
     *
     * @throws java.io.UncheckedIOException when the log cannot be written (nothing is acknowledged then)
     */
    public List<RecordedEvent> recordAll(List<Event> events) {
        return state(s -> {
            for (Event e : events) {
                itemIndex(s, e.item());
            }
            eventsLock.readLock().lock();
            try {
                return eventLog == null ? recordInMemory(events) : recordDurably(s, events);
            } finally {
                eventsLock.readLock().unlock();
            }
        });
    }

    private List<RecordedEvent> recordInMemory(List<Event> events) {
        List<RecordedEvent> out = new ArrayList<>(events.size());
        for (Event e : events) {
            liveWithoutLog.append(e.user(), e.item(), e.rating());
            long n = accepted.incrementAndGet();
            out.add(new RecordedEvent(e.id() != null ? e.id() : LoggedEvent.GENERATED_ID_PREFIX + n, 0, false));
        }
        return out;
    }

    /** Called holding the read side of eventsLock, so the serving state's live events are the current ones. */
    private List<RecordedEvent> recordDurably(ServingState acquired, List<Event> events) {
        ServingState current = serving.get();
        LiveHistories live = (current != null ? current : acquired).live();
        List<LoggedEvent> entries = new ArrayList<>(events.size());
        for (Event e : events) {
            entries.add(LoggedEvent.unappended(e.id(), e.user(), e.item(), e.rating(), e.timestamp()));
        }
        List<RecordedEvent> out = new ArrayList<>(events.size());
        for (EventLog.Appended a : eventLog.append(entries, e -> live.append(e.user(), e.item(), e.rating()))) {
            (a.duplicate() ? duplicates : accepted).incrementAndGet();
            out.add(new RecordedEvent(a.event().id(), a.event().position(), a.duplicate()));
        }
        return out;
    }

    /** How many events were recorded since this instance started (not counting replayed ones or duplicates). */
    public long eventsRecorded() {
        return accepted.get();
    }

    /**
     * Counts a message a stream source could not turn into an event (bad JSON or CSV, a missing field, an
     * unknown item): it is skipped, and {@code /metrics} reports it as dropped, reason {@code malformed}.
     */
    public void countMalformed() {
        malformed.incrementAndGet();
    }

    /** Counters of the events taken in, for metrics. */
    public EventStats eventStats() {
        LiveHistories live = currentLive();
        return new EventStats(accepted.get(), eventLog == null ? 0 : eventLog.persisted(), replayed.get(),
                duplicates.get(), live.trimmed(), live.evictedEvents(), live.evictedUsers(),
                eventLog == null ? 0 : eventLog.tornDropped(), live.held(), live.users(), live.totalCap(),
                eventLog == null ? 0 : eventLog.bytes(), replaySeconds, malformed.get());
    }

    private LiveHistories currentLive() {
        ServingState s = serving.get();
        return s == null ? liveWithoutLog : s.live();
    }

    /** Live events held in memory for {@code user} now (at most the per-user limit). */
    public int liveEvents(String user) {
        return currentLive().size(user);
    }

    /**
     * Writes the serving pipeline as an artifact (atomic; checksummed): a pipeline trained here with
     * its metrics and exact split, as {@code m6rec run} writes it; a loaded one as it was loaded.
     */
    public void save(Path dir) {
        state(s -> {
            if (s.trainedBy().isPresent()) {
                RunOutputs.saveArtifact(dir, s.trainedBy().get(), s.config(), registry);
            } else {
                PipelineArtifact.save(dir, s.pipeline(), s.config(), registry, Map.of(), s.absorbedEvents());
            }
            return null;
        });
    }

    private static int itemIndex(ServingState s, String item) {
        int index = s.pipeline().items().indexOf(item);
        if (index < 0) {
            throw new UnknownEntityException("item", item);
        }
        return index;
    }

    private static List<Recommendation> toList(FittedPipeline p, ScoredItems top) {
        List<Recommendation> out = new ArrayList<>(top.size());
        for (int r = 0; r < top.size(); r++) {
            out.add(new Recommendation(p.items().id(top.item(r)), top.score(r), r + 1));
        }
        return List.copyOf(out);
    }

    private <T> T state(Function<ServingState, T> action) {
        while (true) {
            ServingState s = serving.get();
            if (s == null) {
                throw new IllegalStateException("nothing to serve yet: train() or load an artifact first");
            }
            if (s.acquire()) {
                try {
                    return action.apply(s);
                } finally {
                    s.release();
                }
            }
        }
    }

    @Override
    public void close() {
        ServingState old = serving.getAndSet(null);
        if (old != null) {
            old.release();
        }
        if (eventLog != null) {
            eventLog.close();
        }
    }
}
