package dev.m6rec.core.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.config.StubFactories;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The {@code filter:} section as the validator binds and checks it. */
class FilterConfigTest {
    private final PluginRegistry registry = StubFactories.registry();

    private RunConfig validate(Map<String, Object> tree) {
        return RunConfigValidator.validate(RawConfig.fromMap(tree), registry);
    }

    private List<String> problems(Map<String, Object> tree) {
        try {
            validate(tree);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void noSectionMeansNoFiltering() {
        assertThat(validate(Map.of()).filter()).isEqualTo(FilterSettings.none());
        assertThat(FilterSettings.none().active()).isFalse();
    }

    @Test
    void everyKeyIsBound() {
        RunConfig config = validate(Map.of("filter", Map.of("min-user-interactions", 5, "min-item-interactions", 3,
                "rating-threshold", 4, "dedup", "last")));
        assertThat(config.filter()).isEqualTo(new FilterSettings(5, 3, OptionalDouble.of(4), DedupPolicy.LAST));
        assertThat(config.filter().active()).isTrue();
    }

    @Test
    void minimumsOfOneFilterNothing() {
        FilterSettings ones = validate(Map.of("filter", Map.of("min-user-interactions", 1, "min-item-interactions", 1)))
                .filter();
        assertThat(ones.active()).isFalse();
    }

    @Test
    void badValuesAreReportedTogetherWithTheirKeyPaths() {
        assertThat(problems(Map.of("filter", Map.of("min-user-interactions", -1, "min-items-interactions", 5,
                "rating-threshold", "high", "dedup", "lats")))).containsExactlyInAnyOrder(
                "filter.min-user-interactions: must be >= 0 (was -1)",
                "filter.min-items-interactions: unknown key; did you mean 'min-item-interactions'?",
                "filter.rating-threshold: expected a number (was 'high')",
                "filter.dedup: must be one of [none, first, last, max] (was 'lats'); did you mean 'last'?");
    }

    @Test
    void aMinimumMustBeAWholeNumberAndTheSectionAMapping() {
        assertThat(problems(Map.of("filter", Map.of("min-item-interactions", 2.5))))
                .containsExactly("filter.min-item-interactions: expected an integer (was 2.5)");
        assertThat(problems(Map.of("filter", 5))).containsExactly("filter: expected a mapping (was 5)");
    }
}
