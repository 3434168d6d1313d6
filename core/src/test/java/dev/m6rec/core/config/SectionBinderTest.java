package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionBinderTest {
    private static final ConfigSchema SCHEMA = ConfigSchema.builder()
            .intParam("k", 10, "list length").atLeast(1)
            .intParam("recall.history", null, "history candidates").atLeast(0)
            .intParam("recall.popular", null, "popular candidates").atLeast(0)
            .build();

    private static Map<String, Object> section(Object... keysAndValues) {
        Map<String, Object> section = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            section.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return section;
    }

    private static List<String> messages(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aComponentSectionSkipsTypeAndOffersItAmongTheValidKeys() {
        List<ConfigProblem> problems = new ArrayList<>();
        BoundComponentConfig bound = SectionBinder.bind("recommend", "x", section("type", "x", "k", 5, "zzz", 1), SCHEMA, problems);
        assertThat(bound.getInt("k")).isEqualTo(5);
        assertThat(messages(problems)).containsExactly("recommend.zzz: unknown key; valid keys are [k, recall, type]");
    }

    @Test
    void aSettingsSectionTreatsTypeAsAnOrdinaryKey() {
        List<ConfigProblem> problems = new ArrayList<>();
        SectionBinder.bindSettings("recommend", section("type", "x", "recal", Map.of("history", 5)), SCHEMA, problems);
        assertThat(messages(problems)).containsExactly(
                "recommend.type: unknown key; valid keys are [k, recall]",
                "recommend.recal: unknown key; did you mean 'recall'?");
    }

    @Test
    void theTopLevelHasNoPrefixAndAGroupKeyMustHoldAMapping() {
        List<ConfigProblem> problems = new ArrayList<>();
        BoundComponentConfig bound = SectionBinder.bindSettings("", section("k", 0, "recall", 5), SCHEMA, problems);
        assertThat(messages(problems)).containsExactly(
                "k: must be >= 1 (was 0)",
                "recall: expected a mapping (was 5)");
        assertThat(bound.getInt("k")).isEqualTo(10);
        assertThat(bound.isSet("recall.history")).isFalse();
    }
}
