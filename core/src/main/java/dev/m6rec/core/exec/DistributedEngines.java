package dev.m6rec.core.exec;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.config.RunConfig;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * How core finds the engines module {@code m6rec-spark} provides through {@code META-INF/services}
 * (data preparation, evaluation, tuning trials): only for a config with a {@code spark:} section,
 * on core's own class loader, and with one line said when none is there, so the run states that
 * the step stays on this machine. Core itself never depends on Spark.
 *
 * <pre>{@code
 * Optional<EvaluationEngine> engine = DistributedEngines.find(EvaluationEngine.class, config, e -> true,
 *         progress, "spark: evaluating on this machine (module m6rec-spark is not on the class path)");
 * }</pre>
 */
public final class DistributedEngines {
    private DistributedEngines() {
    }

    /**
     * The first {@code type} on the class path that {@code accepts} the config; empty, silently, for
     * a config without {@code spark:}, and empty after saying {@code absent} when none accepts it.
     */
    public static <T> Optional<T> find(Class<T> type, RunConfig config, Predicate<T> accepts,
                                       ProgressReporter progress, String absent) {
        if (config.spark().isEmpty()) {
            return Optional.empty();
        }
        Optional<T> found = ServiceLoader.load(type, DistributedEngines.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(accepts).findFirst();
        if (found.isEmpty()) {
            progress.info(absent);
        }
        return found;
    }
}
