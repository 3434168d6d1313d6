package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsLoaderTest {
    private final PairsLoaderFactory factory = new PairsLoaderFactory();

    @TempDir
    Path dir;

    private DatasetLoader loader(Path file) {
        return Sections.create(factory, "data", Map.of("path", file.toString()), new RecordingPluginContext(1, "data"));
    }

    @Test
    void pathIsRequired() {
        assertThat(Sections.problems(factory, "data", Map.of()))
                .containsExactly("data.path: required (a file of user<TAB>item[<TAB>rating] lines (relative to the config file))");
    }

    @Test
    void readsPairsWithOptionalRatingsInOrderOfFirstAppearance() throws IOException {
        Path file = Files.writeString(dir.resolve("pairs.tsv"), "alice\tbook\t4\nbob\tbook\n\nalice\tfilm\t2.5\n");
        Dataset dataset = loader(file).load();

        assertThat(dataset.users().ids()).containsExactly("alice", "bob");
        assertThat(dataset.items().ids()).containsExactly("book", "film");
        assertThat(dataset.interactions().size()).isEqualTo(3);
        assertThat(dataset.interactions().rating(0)).isEqualTo(4f);
        assertThat(dataset.interactions().rating(1)).isEqualTo(1f);
        assertThat(dataset.interactions().item(2)).isEqualTo(1);
        assertThat(dataset.loadCounts()).containsEntry("rows", 3L);
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.tsv"), "alice\tbook\nbob\n");
        assertThatThrownBy(() -> loader(file).load()).isInstanceOf(DataException.class)
                .hasMessage(file + ":2: expected user<TAB>item[<TAB>rating], found 1 field(s)");
        Path badRating = Files.writeString(dir.resolve("rating.tsv"), "alice\tbook\tfive\n");
        assertThatThrownBy(() -> loader(badRating).load()).isInstanceOf(DataException.class)
                .hasMessage(badRating + ":1: rating 'five' is not a finite number");
    }
}
