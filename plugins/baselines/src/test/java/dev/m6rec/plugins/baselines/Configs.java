package dev.m6rec.plugins.baselines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.config.SectionBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Binds an {@code interest} section through core's validation, as a run would. */
final class Configs {
    private Configs() {
    }

    /** A valid section bound at {@code interest}; fails the test when validation finds problems. */
    static ComponentConfig bind(InterestModelFactory factory, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        ComponentConfig config = SectionBinder.bind("interest", factory.name(), section, factory.schema(), problems);
        problems.addAll(factory.validate(config));
        assertThat(problems).isEmpty();
        return config;
    }

    /** The messages ("path: text") validation gives for {@code section}. */
    static List<String> problems(InterestModelFactory factory, Map<String, Object> section) {
        List<ConfigProblem> problems = new ArrayList<>();
        SectionBinder.bind("interest", factory.name(), section, factory.schema(), problems);
        return problems.stream().map(ConfigProblem::toString).toList();
    }
}
