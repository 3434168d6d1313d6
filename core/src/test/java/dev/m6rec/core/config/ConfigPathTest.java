package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void parsesKeysAndIndexesIntoACanonicalForm() {
        assertThat(ConfigPath.parse("features.user[0].type")).hasToString("features.user[0].type");
        assertThat(ConfigPath.parse("a.b[1][2].c")).hasToString("a.b[1][2].c");
        assertThat(ConfigPath.parse("evaluation.validation-metric")).hasToString("evaluation.validation-metric");
        for (String bad : List.of("", ".a", "a.", "a..b", "[0]", "a[x]", "a[0", "a b")) {
            assertThatThrownBy(() -> ConfigPath.parse(bad)).hasMessage("invalid key path '" + bad + "'");
        }
    }

    @Test
    void createsMissingMappingsAndListsOnTheWay() {
        Map<String, Object> tree = new LinkedHashMap<>();
        ConfigPath.parse("features.user[0].fields[0]").set(tree, "age");
        ConfigPath.parse("features.user[0].type").set(tree, "numeric");
        assertThat(tree).isEqualTo(Map.of("features", Map.of("user", List.of(Map.of("type", "numeric", "fields", List.of("age"))))));
        assertThat(ConfigPath.parse("features.user.0.type").get(tree)).contains("numeric");
        assertThat(ConfigPath.parse("features.item").get(tree)).isEmpty();
        assertThat(ConfigPath.parse("features.user[3]").get(tree)).isEmpty();
    }
}
