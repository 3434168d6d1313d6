package dev.m6rec.plugins.dl4j.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.split.LeaveOneOutSplitterFactory;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code examples/quickstart-cnn.yaml} binds against this plugin's schema (the
 * runtime's own tests run the examples end to end; this catches a renamed key here).
 */
class QuickstartCnnExampleTest {
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "quickstart-cnn.yaml");

    @Test
    void theExampleSectionsBindWithoutProblems() {
        RawConfig raw = ConfigLoader.load(EXAMPLE, List.of());
        CaserFactory cnn = new CaserFactory();
        Map<String, Object> interest = section(raw, "interest");
        assertThat(interest.remove("type")).isEqualTo("cnn");
        assertThat(Sections.problems(cnn, "interest", interest)).isEmpty();
        Map<String, Object> split = section(raw, "split");
        assertThat(split.remove("type")).isEqualTo("leave-one-out");
        assertThat(Sections.problems(new LeaveOneOutSplitterFactory(), "split", split)).isEmpty();
        CaserSettings settings = Sections.bind(cnn, "interest", interest);
        assertThat(settings.text().field()).isEqualTo("title");
        assertThat(settings.text().widths()).containsExactly(1, 2);
        assertThat(raw.get("data.type")).contains("synthetic");
        assertThat(raw.get("similarity.source")).contains("embeddings");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(RawConfig raw, String name) {
        return new LinkedHashMap<>((Map<String, Object>) raw.get(name).orElseThrow());
    }
}
