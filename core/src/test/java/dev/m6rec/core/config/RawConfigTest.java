package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawConfigTest {
    @TempDir
    Path dir;

    @Test
    void theTreeIsADeepUnmodifiableCopy() {
        List<Object> hidden = new ArrayList<>(List.of(128, 64));
        Map<String, Object> interest = new LinkedHashMap<>(Map.of("type", "mlp", "hidden", hidden));
        Map<String, Object> tree = new LinkedHashMap<>(Map.of("interest", interest));
        RawConfig raw = RawConfig.fromMap(tree);
        hidden.add(32);
        assertThat(raw.get("interest.hidden")).contains(List.of(128, 64));
        assertThatThrownBy(() -> raw.tree().put("seed", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> copied = (List<Object>) raw.get("interest.hidden").orElseThrow();
        assertThatThrownBy(() -> copied.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withReturnsAnEditedCopyAndLeavesTheOriginal() {
        RawConfig raw = RawConfig.fromMap(Map.of("interest", Map.of("type", "mlp", "hidden", List.of(128, 64))));
        RawConfig trial = raw.with("interest.hidden[0]", 32).with("interest.loss.click", 0.3).with("similarity.type", "cosine");
        assertThat(trial.get("interest.hidden")).contains(List.of(32, 64));
        assertThat(trial.get("interest.loss.click")).contains(0.3);
        assertThat(trial.get("similarity")).contains(Map.of("type", "cosine"));
        assertThat(raw.get("interest.hidden")).contains(List.of(128, 64));
        assertThat(raw.get("similarity")).isEmpty();
        assertThat(raw.with("interest.hidden.1", 16).get("interest.hidden")).contains(List.of(128, 16));
    }

    @Test
    void withNamesThePathWhenTheTreeIsInTheWay() {
        RawConfig raw = RawConfig.fromMap(Map.of("interest", Map.of("type", "mlp", "hidden", List.of(128, 64))));
        assertThatThrownBy(() -> raw.with("interest.type.name", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.type.name: 'interest.type' is 'mlp', not a mapping");
        assertThatThrownBy(() -> raw.with("interest.hidden[3]", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.hidden[3]: index 3 is past the end of 'interest.hidden' (2 elements)");
        assertThatThrownBy(() -> raw.with("interest.hidden.name", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest.hidden.name: 'interest.hidden' is a list, not a mapping");
        assertThatThrownBy(() -> raw.with("interest[0]", 1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("interest[0]: 'interest' is a mapping, not a list");
    }

    @Test
    void pluginDirsResolveAgainstTheConfigFilesFolder() {
        Path source = dir.resolve("configs/run.yaml");
        RawConfig raw = new RawConfig(source, Map.of("plugins", Map.of("dirs", List.of("plugins", "../shared", "/opt/m6"))));
        assertThat(raw.pluginDirs()).containsExactly(dir.resolve("configs/plugins"), dir.resolve("shared"), Path.of("/opt/m6"));
        assertThat(RawConfig.fromMap(Map.of()).pluginDirs()).isEmpty();
        assertThat(RawConfig.fromMap(Map.of("plugins", Map.of("dirs", List.of("p")))).pluginDirs())
                .containsExactly(Path.of("p").toAbsolutePath());
    }

    @Test
    void malformedPluginDirsNameTheKey() {
        assertThatThrownBy(() -> RawConfig.fromMap(Map.of("plugins", "p")).pluginDirs())
                .isInstanceOf(ConfigException.class).hasMessage("plugins: expected a mapping (was 'p')");
        assertThatThrownBy(() -> RawConfig.fromMap(Map.of("plugins", Map.of("dirs", "p"))).pluginDirs())
                .isInstanceOf(ConfigException.class).hasMessage("plugins.dirs: expected a list of strings (was 'p')");
        assertThatThrownBy(() -> RawConfig.fromMap(Map.of("plugins", Map.of("dirs", List.of("a", List.of())))).pluginDirs())
                .isInstanceOf(ConfigException.class).hasMessage("plugins.dirs[1]: expected a string (was a list of 0)");
    }

    @Test
    void toYamlWritesARunnableConfigThatReloadsToTheSameTree() throws IOException {
        Path source = dir.resolve("configs/run.yaml");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("seed", 7);
        tree.put("plugins", Map.of("dirs", List.of("plugins")));
        tree.put("data", Map.of("type", "csv", "path", "ratings.csv"));
        tree.put("interest", new LinkedHashMap<>(Map.of("type", "mlp", "hidden", List.of(64), "note", "costs ${env:X}")));
        tree.put("features", Map.of("user", List.of(Map.of("type", "numeric", "fields", List.of("age")))));
        tree.put("optimizer", Map.of("type", "tpe", "space", Map.of("interest.hidden[0]", Map.of("int", List.of(32, 256)))));
        tree.put("output", Map.of("dir", "42"));
        RawConfig raw = new RawConfig(source, tree);

        String yaml = raw.toYaml();
        assertThat(yaml).doesNotContain("!!").startsWith("seed: 7\n");
        Path best = Files.createDirectories(dir.resolve("out")).resolve("best.yaml");
        Files.writeString(best, yaml);
        RawConfig reloaded = new ConfigLoader(name -> null, name -> null).read(best, List.of());

        assertThat(reloaded.pluginDirs()).isEqualTo(raw.pluginDirs());
        assertThat(reloaded.with("plugins", null).tree()).isEqualTo(raw.with("plugins", null).tree());
        assertThat(reloaded.get("output.dir")).contains("42");
        assertThat(reloaded.get("interest.note")).contains("costs ${env:X}");
    }
}
