package dev.m6rec.core.testing;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.config.ComponentBinding;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds one component section through core's validation, as a run would, for plugin tests.
 *
 * <pre>{@code
 * BprSettings s = Sections.bind(new BprFactory(), "interest", Map.of("factors", 8));
 * assertThat(Sections.problems(new BprFactory(), "interest", Map.of("factors", 0)))
 *         .containsExactly("interest.factors: must be >= 1 (was 0)");
 * }</pre>
 */
public final class Sections {
    private Sections() {
    }

    /** The settings of a valid section at {@code path}; throws AssertionError listing the problems otherwise. */
    public static <S extends Record> S bind(ComponentFactory<S, ?> factory, String path, Map<String, Object> section) {
        return bind(factory, path, section, Path.of("").toAbsolutePath());
    }

    /** As above, resolving path parameters against {@code baseDir}. */
    public static <S extends Record> S bind(ComponentFactory<S, ?> factory, String path, Map<String, Object> section,
                                            Path baseDir) {
        List<ConfigProblem> problems = new ArrayList<>();
        var bound = ComponentBinding.bind(path, factory, section, baseDir, problems);
        if (!problems.isEmpty() || bound.isEmpty()) {
            throw new AssertionError("section " + path + " " + section + " is invalid: " + problems);
        }
        return bound.get().settings();
    }

    /**
     * The settings of a valid section at {@code path} whose nested interest model sections (e.g. a
     * stack's {@code base}) are bound against {@code registry}'s factories, as a run would.
     */
    public static <S extends Record> S bind(ComponentFactory<S, ?> factory, String path, Map<String, Object> section,
                                            PluginRegistry registry) {
        List<ConfigProblem> problems = new ArrayList<>();
        Path baseDir = Path.of("").toAbsolutePath();
        var bound = ComponentBinding.bind(path, factory, section, factory.schema(), baseDir, problems,
                ComponentBinding.nestedIn(registry, baseDir, problems));
        if (!problems.isEmpty() || bound.isEmpty()) {
            throw new AssertionError("section " + path + " " + section + " is invalid: " + problems);
        }
        return bound.get().settings();
    }

    /** A new component made from a valid section at {@code path}. */
    @SuppressWarnings("unchecked")
    public static <T> T create(ComponentFactory<?, T> factory, String path, Map<String, Object> section,
                               PluginContext context) {
        ComponentFactory<Record, T> f = (ComponentFactory<Record, T>) factory;
        return f.create(bind(f, path, section), context);
    }

    /** Every problem validation finds in {@code section}, as "path: message" (empty when valid). */
    public static List<String> problems(ComponentFactory<?, ?> factory, String path, Map<String, Object> section) {
        return problems(factory, path, section, Path.of("").toAbsolutePath());
    }

    /** As above, resolving path parameters against {@code baseDir}. */
    @SuppressWarnings("unchecked")
    public static List<String> problems(ComponentFactory<?, ?> factory, String path, Map<String, Object> section,
                                        Path baseDir) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentBinding.bind(path, (ComponentFactory<Record, ?>) factory, section, baseDir, problems);
        return problems.stream().map(ConfigProblem::toString).toList();
    }
}
