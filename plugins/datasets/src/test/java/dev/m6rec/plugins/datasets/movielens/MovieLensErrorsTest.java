package dev.m6rec.plugins.datasets.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.TextFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message the movielens loader gives for bad input, word for word. */
class MovieLensErrorsTest {
    private final MovieLensLoaderFactory factory = new MovieLensLoaderFactory();

    @TempDir
    Path dir;

    private Dataset load(Map<String, Object> section) {
        return LoaderConfigs.load(factory, dir, section);
    }

    private void assertFails(String expected) {
        assertThatThrownBy(() -> load(Map.of("path", "ml"))).isInstanceOf(DataException.class).hasMessage(expected);
    }

    private Path file(String name) {
        return dir.resolve("ml").resolve(name);
    }

    /** Writes {@code name} in the MovieLens folder {@code ml}. */
    private void write(String name, String content) {
        TextFiles.write(dir.resolve("ml"), name, content);
    }

    @Test
    void folderProblems() throws Exception {
        assertFails(dir.resolve("ml") + ": does not exist");
        TextFiles.write(dir, "ml", "not a folder");
        assertFails(dir.resolve("ml") + ": is not a directory (give the MovieLens folder)");
        Files.delete(dir.resolve("ml"));
        Files.createDirectories(dir.resolve("ml"));
        assertFails(dir.resolve("ml") + ": no MovieLens ratings file found (expected u.data, ratings.dat or ratings.csv)");
        write("u.data", "1\t1\t1\t1\n");
        write("ratings.csv", "userId,movieId,rating,timestamp\n1,1,1,1\n");
        assertFails(dir.resolve("ml") + ": holds several MovieLens layouts (u.data, ratings.csv); set layout to one of [100k, csv]");
        assertThatThrownBy(() -> load(Map.of("path", "ml", "layout", "1m"))).isInstanceOf(DataException.class)
                .hasMessage(file("ratings.dat") + ": does not exist");
    }

    @Test
    void malformedRatingsLines() {
        write("u.data", "1\t1\t5\t10\n1\t2\t5\n");
        assertFails(file("u.data") + ":2: expected 4 tab-separated fields, found 3");
        write("u.data", "1\t1\tx\t10\n");
        assertFails(file("u.data") + ":1: rating 'x' is not a number");
        write("u.data", "1\t1\t4\tyesterday\n");
        assertFails(file("u.data") + ":1: timestamp 'yesterday' is not a number");
        write("u.data", "\t1\t4\t5\n");
        assertFails(file("u.data") + ":1: empty user id");
        write("u.data", "1\t\t4\t5\n");
        assertFails(file("u.data") + ":1: empty item id");
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws Exception {
        write("u.data", "");
        assertFails(file("u.data") + ": is empty");
        Files.delete(file("u.data"));
        write("ratings.csv", "userId,movieId,rating,timestamp\n");
        assertFails(file("ratings.csv") + ": has a header but no rows");
        write("ratings.csv", "");
        assertFails(file("ratings.csv") + ": is empty");
    }

    @Test
    void anAttributeFileThatIsThereMustHoldRows() {
        write("u.data", "1\t1\t5\t10\n");
        write("u.item", "\n");
        assertFails(file("u.item") + ": is empty");
        write("u.item", "1|T (1990)|01-Jan-1990||u|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
        write("u.genre", "");
        assertFails(file("u.genre") + ": is empty");
    }

    @Test
    void missingCsvColumn() {
        write("ratings.csv", "userId,movieId,timestamp\n1,2,3\n");
        assertFails(file("ratings.csv") + ":1: missing column 'rating' (header has userId, movieId, timestamp)");
    }

    @Test
    void malformedAttributeLines() {
        write("u.data", "1\t1\t5\t10\n");
        write("u.user", "1|old|M|writer|12345\n");
        assertFails(file("u.user") + ":1: age 'old' is not a number");
        write("u.user", "1|20|M|writer\n");
        assertFails(file("u.user") + ":1: expected 5 '|'-separated fields, found 4");
        write("u.user", "1|20|M|writer|1\n1|21|F|writer|2\n");
        assertFails(file("u.user") + ":2: duplicate user id '1' (first on line 1)");
        write("u.user", "1|20|M|writer|1\n");

        write("u.genre", "unknown|0\nAction|1\n");
        write("u.item", "1|T (1990)|01-Jan-1990||u|0|2\n");
        assertFails(file("u.item") + ":1: genre flag '2' is not 0 or 1");
        write("u.item", "1|T (1990)|1990-01-01||u|0|1\n");
        assertFails(file("u.item") + ":1: release date '1990-01-01' is not a date like 01-Jan-1995");
        write("u.item", "1|T (1990)|01-Jan-1990||u|0|1|0\n");
        assertFails(file("u.item") + ":1: expected 7 '|'-separated fields, found 8");
        write("u.genre", "unknown|0\nAction|2\n");
        assertFails(file("u.genre") + ": genre index 1 is missing");
        write("u.genre", "unknown|zero\n");
        assertFails(file("u.genre") + ":1: genre index 'zero' is not a number");
    }

    @Test
    void malformed1mAndCsvLines() {
        write("ratings.dat", "1::2::3\n");
        assertFails(file("ratings.dat") + ":1: expected 4 '::'-separated fields, found 3");
        write("ratings.dat", "1::2::3::4\n");
        write("movies.dat", "2::Heat (1995)::Action\n2::Heat (1995)::Action\n");
        assertFails(file("movies.dat") + ":2: duplicate item id '2' (first on line 1)");
    }

    @Test
    void skipsAndCountsMalformedLines() {
        write("u.data", "1\t1\t5\t10\n1\t2\t5\n2\t1\tx\t11\n2\t2\t4\t12\n");
        write("u.user", "1|20|M|writer|1\n3|old|F|artist|2\n");
        Dataset ds = load(Map.of("path", "ml", "on-error", "skip"));
        assertThat(ds.interactions().size()).isEqualTo(2);
        // the skipped lines add no ids: user 3's only line was bad
        assertThat(ds.users().ids()).containsExactly("1", "2");
        assertThat(ds.items().ids()).containsExactly("1", "2");
        assertThat(ds.loadCounts()).containsEntry("rows", 2L).containsEntry("skipped-lines", 3L)
                .containsEntry("skipped-lines:u.data", 2L).containsEntry("skipped-lines:u.user", 1L)
                .containsEntry("cold-users", 0L);
    }

    @Test
    void aFileWithOnlyBadLinesFailsEvenWhenSkipping() {
        write("u.data", "1\t2\n3\t4\n");
        assertThatThrownBy(() -> load(Map.of("path", "ml", "on-error", "skip"))).isInstanceOf(DataException.class)
                .hasMessage(file("u.data") + ": has no valid rows (2 lines skipped)");
    }

    @Test
    void validatesItsSection() {
        assertThat(Sections.problems(factory, "data", Map.of())).containsExactly(
                "data.path: required (the MovieLens folder (relative to the config file))");
        assertThat(Sections.problems(factory, "data", Map.of("path", "x", "layout", "10m", "on-error", "ignore")))
                .containsExactlyInAnyOrder("data.layout: must be one of [auto, 100k, 1m, csv] (was '10m'); did you mean '1m'?",
                        "data.on-error: must be one of [fail, skip] (was 'ignore')");
    }
}
