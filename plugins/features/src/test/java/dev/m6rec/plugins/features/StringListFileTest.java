package dev.m6rec.plugins.features;

import dev.m6rec.core.testing.MemoryArtifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringListFileTest {

    @Test
    void anyStringSurvivesARoundTrip() {
        List<String> values = List.of("", "plain", "line\nbreak", "cr\rlf", "back\\slash", "\\n literally", "é=ü");
        MemoryArtifacts artifacts = new MemoryArtifacts();

        StringListFile.write(artifacts, "values.txt", values);

        assertThat(StringListFile.read(artifacts, "values.txt")).isEqualTo(values);
        assertThat(new String(artifacts.files.get("values.txt"), StandardCharsets.UTF_8))
                .startsWith("\nplain\nline\\nbreak\n");
        StringListFile.write(artifacts, "empty.txt", List.of());
        assertThat(StringListFile.read(artifacts, "empty.txt")).isEmpty();
    }

    @Test
    void damagedFilesAreArtifactErrors() {
        MemoryArtifacts artifacts = new MemoryArtifacts();
        artifacts.files.put("cut.txt", "a\nb".getBytes(StandardCharsets.UTF_8));
        artifacts.files.put("escape.txt", "a\nb\\t\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> StringListFile.read(artifacts, "cut.txt"))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/cut.txt: truncated (last line has no newline)");
        assertThatThrownBy(() -> StringListFile.read(artifacts, "escape.txt"))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/escape.txt:2: unknown escape \\t");
    }

    @Test
    void keyValueFilesNameMissingAndMalformedKeys() {
        MemoryArtifacts artifacts = new MemoryArtifacts();
        KeyValueFile.write(artifacts, "settings.txt", Map.of("rows", "x", "field", "a=b"));
        KeyValueFile settings = KeyValueFile.read(artifacts, "settings.txt");

        assertThat(settings.get("field")).isEqualTo("a=b");
        assertThatThrownBy(() -> settings.getInt("rows"))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/settings.txt: rows is not an integer (was 'x')");
        assertThatThrownBy(() -> settings.get("columns"))
                .isInstanceOf(ArtifactException.class).hasMessage("memory/settings.txt: missing key 'columns'");
    }
}
