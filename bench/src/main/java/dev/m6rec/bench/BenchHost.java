package dev.m6rec.bench;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.config.ComponentBinding;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What a run gives the components a benchmark drives, taken from core rather than imitated, so
 * that a benchmark measures what a pipeline runs: sections are bound and checked by core's
 * {@link ComponentBinding} (defaults, bounds, the factory's own checks), and contexts are core's
 * {@link DefaultPluginContext} on one pool of {@code threads} daemon threads.
 *
 * <pre>{@code
 * try (BenchHost host = new BenchHost(1)) {
 *     InterestModel model = BenchHost.create(new MlpFactory(), Map.of("epochs", 5), host.context(42, "interest"));
 * }
 * }</pre>
 */
public final class BenchHost implements AutoCloseable {
    /** Relative paths in a benchmark's sections mean the working directory, as on the command line. */
    private static final Path BASE_DIR = Path.of("").toAbsolutePath();
    private final int threads;
    private final ExecutorService pool;

    public BenchHost(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Core's context for the component at {@code path}, with progress dropped. */
    public DefaultPluginContext context(long seed, String path) {
        return context(seed, path, ProgressReporter.silent());
    }

    public DefaultPluginContext context(long seed, String path, ProgressReporter progress) {
        return new DefaultPluginContext(seed, path, pool, threads, progress, BASE_DIR);
    }

    /** Binds {@code section} at the context's component path, as a config file's would be, and creates the component. */
    public static <S extends Record, T> T create(ComponentFactory<S, T> factory, Map<String, ?> section,
                                                 PluginContext context) {
        return factory.create(bind(factory, context.componentPath(), section), context);
    }

    /** The settings of {@code section}; a section that does not bind is a bug in the benchmark. */
    public static <S extends Record> S bind(ComponentFactory<S, ?> factory, String path, Map<String, ?> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        return ComponentBinding.bind(path, factory, new LinkedHashMap<>(section), BASE_DIR, problems)
                .orElseThrow(() -> new IllegalStateException("benchmark section '" + path + "' (type "
                        + factory.name() + ") does not bind: " + problems))
                .settings();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
