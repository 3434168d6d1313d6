package dev.m6rec.plugins.datasets.csv;

import static dev.m6rec.plugins.datasets.Columns.categorical;
import static dev.m6rec.plugins.datasets.Columns.numeric;
import static dev.m6rec.plugins.datasets.Columns.rows;
import static dev.m6rec.plugins.datasets.Columns.tags;
import static dev.m6rec.plugins.datasets.Columns.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.TextFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    private static final float NAN = Float.NaN;
    private final CsvLoaderFactory factory = new CsvLoaderFactory();

    @TempDir
    Path dir;

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            map.put(String.valueOf(keyValues[k]), keyValues[k + 1]);
        }
        return map;
    }

    private Map<String, Object> fullSection() {
        TextFiles.write(dir, "ratings.tsv", "user\titem\tscore\twhen\na\tx\t4\t10\nb\tx\t2\t11\na\ty\t5\t12\n");
        TextFiles.write(dir, "users.csv", "id,age,gender,likes\na,30,F,\"rock|pop\"\nc,40,M,jazz\n");
        TextFiles.write(dir, "items.txt", "x;Great Movie;2001\ny;Other;1999\nz;Unrated;\n");
        return ordered("path", "ratings.tsv", "delimiter", "tab",
                "columns", ordered("user", "user", "item", "item", "rating", "score", "timestamp", "when"),
                "user-attributes", ordered("path", "users.csv", "delimiter", ",", "id", "id",
                        "columns", ordered("age", "numeric", "gender", "categorical",
                                "likes", ordered("type", "tags", "separator", "|"))),
                "item-attributes", ordered("path", "items.txt", "delimiter", ";", "header", false, "id", 0,
                        "columns", ordered(1, ordered("type", "text", "name", "title"),
                                2, ordered("type", "numeric", "name", "year"))));
    }

    @Test
    void loadsInteractionsAndBothAttributeFiles() {
        Dataset ds = LoaderConfigs.load(factory, dir, fullSection());
        assertThat(ds.name()).isEqualTo("ratings");
        assertThat(ds.users().ids()).containsExactly("a", "b", "c");
        assertThat(ds.items().ids()).containsExactly("x", "y", "z");
        assertThat(rows(ds.interactions())).containsExactly("0 0 4.0 10", "1 0 2.0 11", "0 1 5.0 12");
        assertThat(ds.loadCounts()).containsEntry("cold-users", 1L).containsEntry("cold-items", 1L);
        assertThat(numeric(ds.userAttributes(), "age")).containsExactly(30f, NAN, 40f);
        assertThat(categorical(ds.userAttributes(), "gender")).containsExactly("F", null, "M");
        assertThat(tags(ds.userAttributes(), "likes")).containsExactly("rock|pop", "", "jazz");
        assertThat(text(ds.itemAttributes(), "title")).containsExactly("Great Movie", "Other", "Unrated");
        assertThat(numeric(ds.itemAttributes(), "year")).containsExactly(2001f, 1999f, NAN);
    }

    @Test
    void readsFilesWithoutHeaderByPositionAsImplicitFeedback() {
        TextFiles.write(dir, "clicks.txt", "9|k|extra\n8|k|\n9|m|x\n");
        Dataset ds = LoaderConfigs.load(factory, dir, Map.of("path", "clicks.txt", "delimiter", "|", "header", false,
                "name", "clicks", "columns", Map.of("user", 0, "item", 1)));
        assertThat(ds.name()).isEqualTo("clicks");
        assertThat(ds.interactions().hasRatings()).isFalse();
        assertThat(rows(ds.interactions())).containsExactly("0 0 1.0 0", "1 0 1.0 1", "0 1 1.0 2");
    }

    @Test
    void aColumnNamedInAnotherCaseIsSuggested() {
        TextFiles.write(dir, "plays.csv", "User,Item,Plays\nu1,a1,3\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, ordered("path", "plays.csv",
                "columns", ordered("user", "User", "item", "Item", "rating", "plays"))))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("plays.csv") + ":1: missing column 'plays' (header has User, Item, Plays); did you mean 'Plays'?");
    }

    @Test
    void messagesForBadFiles() {
        Map<String, Object> section = fullSection();
        TextFiles.write(dir, "ratings.tsv", "user\titem\tstars\twhen\na\tx\t4\t10\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section)).isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("ratings.tsv") + ":1: missing column 'score' (header has user, item, stars, when)");
        TextFiles.write(dir, "ratings.tsv", "user\titem\tscore\twhen\na\tx\t4\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section))
                .hasMessage(dir.resolve("ratings.tsv") + ":2: expected 4 tab-separated fields, found 3");
        TextFiles.write(dir, "ratings.tsv", "user\titem\tscore\twhen\na\tx\t4\t10\n");
        TextFiles.write(dir, "items.txt", "x;Great Movie\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section))
                .hasMessage(dir.resolve("items.txt") + ":1: expected at least 3 ';'-separated fields, found 2");
        TextFiles.write(dir, "items.txt", "x;Great Movie;soon\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section))
                .hasMessage(dir.resolve("items.txt") + ":1: year 'soon' is not a number");
        TextFiles.write(dir, "items.txt", ";Great Movie;2000\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section))
                .hasMessage(dir.resolve("items.txt") + ":1: empty item id");
        TextFiles.write(dir, "items.txt", "x;A;1\nx;B;2\n");
        assertThatThrownBy(() -> LoaderConfigs.load(factory, dir, section))
                .hasMessage(dir.resolve("items.txt") + ":2: duplicate item id 'x' (first on line 1)");
    }

    @Test
    void skipsBadLinesOfEveryFileWhenAsked() {
        Map<String, Object> section = new HashMap<>(fullSection());
        section.put("on-error", "skip");
        TextFiles.write(dir, "ratings.tsv", "user\titem\tscore\twhen\na\tx\t4\t10\nb\ty\tgood\t11\nb\tx\t2\t11\n");
        TextFiles.write(dir, "items.txt", "x;A;1\nx;B;2\ny;C;late\n");
        Dataset ds = LoaderConfigs.load(factory, dir, section);
        assertThat(ds.items().ids()).containsExactly("x");
        assertThat(text(ds.itemAttributes(), "title")).containsExactly("A");
        assertThat(ds.loadCounts()).containsEntry("skipped-lines", 3L).containsEntry("skipped-lines:ratings.tsv", 1L)
                .containsEntry("skipped-lines:items.txt", 2L);
    }
}
