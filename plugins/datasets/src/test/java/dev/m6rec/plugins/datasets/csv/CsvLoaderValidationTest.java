package dev.m6rec.plugins.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every problem the csv loader reports about its nested sections, with the full key path. */
class CsvLoaderValidationTest {
    private final CsvLoaderFactory factory = new CsvLoaderFactory();

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            map.put(String.valueOf(keyValues[k]), keyValues[k + 1]);
        }
        return map;
    }

    private List<String> problems(Object... keyValues) {
        Map<String, Object> section = map("path", "r.csv");
        section.putAll(map(keyValues));
        return Sections.problems(factory, "data", section);
    }

    @Test
    void aMinimalSectionIsValid() {
        assertThat(problems("columns", map("user", "u", "item", "i"))).isEmpty();
        assertThat(problems("header", false, "columns", map("user", 0, "item", "1"))).isEmpty();
    }

    @Test
    void columnsAreRequiredAndChecked() {
        assertThat(problems()).containsExactly("data.columns.user: required (the column of user ids)",
                "data.columns.item: required (the column of item ids)");
        assertThat(problems("columns", map("item", "i", "score", "s"))).containsExactly(
                "data.columns.score: unknown key; valid keys are [item, rating, timestamp, user]",
                "data.columns.user: required (the column of user ids)");
        assertThat(problems("columns", map("user", "u", "item", "u"))).containsExactly(
                "data.columns.item: must differ from columns.user (both are 'u')");
        assertThat(problems("header", false, "columns", map("user", "userId", "item", 1, "rating", -2))).containsExactly(
                "data.columns.user: expected a 0-based column index because header is false (was 'userId')",
                "data.columns.rating: expected a 0-based column index because header is false (was '-2')");
        // contains, not containsExactly: core also reports a required key given a bad value as "required"
        assertThat(problems("columns", map("user", map("name", "u"), "item", "i"))).contains(
                "data.columns.user: expected a string (was a mapping)");
        assertThat(problems("columns", map("user", " ", "item", "i"))).containsExactly(
                "data.columns.user: expected a column name (was empty)");
    }

    @Test
    void formatProblems() {
        Map<String, Object> columns = map("user", "u", "item", "i");
        assertThat(problems("delimiter", "", "encoding", "klingon", "columns", columns))
                .containsExactly("data.delimiter: must not be empty", "data.encoding: unknown character set 'klingon'");
        // an attribute file inherits the main format: its problems are reported once, at the main keys
        assertThat(problems("encoding", "klingon", "columns", columns, "user-attributes",
                map("path", "u.csv", "id", "u", "columns", map("age", "numeric"))))
                .containsExactly("data.encoding: unknown character set 'klingon'");
        assertThat(problems("columns", columns, "user-attributes",
                map("path", "u.csv", "id", "u", "encoding", "elvish", "columns", map("age", "numeric"))))
                .containsExactly("data.user-attributes.encoding: unknown character set 'elvish'");
    }

    @Test
    void attributeFileProblems() {
        Map<String, Object> columns = map("user", "u", "item", "i");
        assertThat(problems("columns", columns, "user-attributes", map("id", "u", "colums", map()))).containsExactly(
                "data.user-attributes.colums: unknown key; did you mean 'columns'?");
        assertThat(problems("columns", columns, "user-attributes", map("id", "u"))).containsExactly(
                "data.user-attributes.path: required (the attribute file, relative to the config file)",
                "data.user-attributes.columns: required (the attribute columns to read, e.g. { age: numeric })");
        assertThat(problems("columns", columns, "item-attributes", map("path", "m.csv", "id", "movieId",
                "columns", map("year", "number", "genres", map("type", "tags", "separator", ""),
                        "title", map("type", "text", "separator", ","), "kind", map("name", "k"), "g2", map("type", "tags", "name", "genres")))))
                .containsExactly(
                        "data.item-attributes.columns.year: must be one of [numeric, categorical, tags, text] (was 'number')",
                        "data.item-attributes.columns.genres.separator: must not be empty",
                        "data.item-attributes.columns.title.separator: applies only to type tags",
                        "data.item-attributes.columns.kind.type: required (one of [numeric, categorical, tags, text])",
                        "data.item-attributes.columns.g2: attribute name 'genres' is already used by column genres");
        assertThat(problems("columns", columns, "item-attributes", map("path", "m.txt", "header", "no", "id", 0,
                "columns", map("x", "text")))).containsExactly(
                        "data.item-attributes.header: expected true or false (was 'no')");
        assertThat(problems("columns", columns, "item-attributes", map("path", "m.txt", "header", false, "id", 0,
                "columns", map("x", "text")))).containsExactly(
                        "data.item-attributes.columns.x: expected a 0-based column index as key because header is false (was 'x')");
        assertThat(problems("columns", columns, "item-attributes", map("path", "m.txt", "header", false, "id", 0,
                "columns", map(1, "text", 2, map("type", "numeric"))))).containsExactly(
                        "data.item-attributes.columns.1: needs a name when header is false, e.g. { type: text, name: age }",
                        "data.item-attributes.columns.2.name: required when header is false (the attribute's name)");
        assertThat(problems("columns", columns, "item-attributes", map("path", "m.txt", "id", "i", "columns", List.of("a"))))
                .containsExactly("data.item-attributes.columns: expected a mapping (was a list of 1)");
        assertThat(problems("columns", columns, "item-attributes", "m.txt"))
                .containsExactly("data.item-attributes: expected a mapping (was 'm.txt')");
    }

    @Test
    void everyPathArrivesResolvedAgainstTheConfigFolder() {
        Path base = Path.of("/configs/run");
        CsvSettings settings = Sections.bind(factory, "data", map("path", "r.csv", "columns", map("user", "u", "item", "i"),
                "user-attributes", map("path", "../shared/u.csv", "id", "u", "columns", map("age", "numeric")),
                "item-attributes", map("path", "/data/items.csv", "id", "i", "columns", map("title", "text"))), base);
        assertThat(settings.path()).isEqualTo(Path.of("/configs/run/r.csv"));
        assertThat(settings.userAttributes().path()).isEqualTo(Path.of("/configs/shared/u.csv"));
        assertThat(settings.itemAttributes().path()).isEqualTo(Path.of("/data/items.csv"));
    }
}
