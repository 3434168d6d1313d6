package dev.m6rec.plugins.datasets.atomic;

import static dev.m6rec.plugins.datasets.Columns.categorical;
import static dev.m6rec.plugins.datasets.Columns.numeric;
import static dev.m6rec.plugins.datasets.Columns.rows;
import static dev.m6rec.plugins.datasets.Columns.tags;
import static dev.m6rec.plugins.datasets.Columns.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.TextFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicLoaderTest {
    private static final float NAN = Float.NaN;
    private final AtomicLoaderFactory factory = new AtomicLoaderFactory();

    @TempDir
    Path dir;
    Path folder;

    @BeforeEach
    void writeFixture() {
        folder = dir.resolve("test");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\tlabel:float\n"
                + "u1\ti1\t4\t100\t1\nu2\ti1\t3.5\t101.0\t0\nu1\ti2\t5\t102\t1\n");
        TextFiles.write(folder, "test.user", "user_id:token\tage:float\tgender:token\tinterests:token_seq\temb:float_seq\n"
                + "u1\t23\tM\trock jazz\t0.1 0.2\nu3\t35\tF\t\t1 2 3\nu2\t\tF\tpop\t\n");
        TextFiles.write(folder, "test.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\n"
                + "i1\tToy Story\t1995\tAnimation Comedy\ni3\tHeat\t1995\tAction\n");
    }

    private Dataset load(Object... keyValues) {
        Map<String, Object> section = new HashMap<>(Map.of("path", "test"));
        for (int k = 0; k < keyValues.length; k += 2) {
            section.put((String) keyValues[k], keyValues[k + 1]);
        }
        return LoaderConfigs.load(factory, dir, section);
    }

    private void assertFails(String expected, Object... keyValues) {
        assertThatThrownBy(() -> load(keyValues)).isInstanceOf(DataException.class).hasMessage(expected);
    }

    @Test
    void loadsInterUserAndItemFiles() {
        Dataset ds = load();
        assertThat(ds.name()).isEqualTo("test");
        assertThat(ds.users().ids()).containsExactly("u1", "u2", "u3");
        assertThat(ds.items().ids()).containsExactly("i1", "i2", "i3");
        assertThat(rows(ds.interactions())).containsExactly("0 0 4.0 100", "1 0 3.5 101", "0 1 5.0 102");
        assertThat(ds.loadCounts()).containsEntry("rows", 3L).containsEntry("cold-users", 1L).containsEntry("cold-items", 1L);

        var users = ds.userAttributes();
        assertThat(users.columns()).extracting(c -> c.name() + ":" + c.kind()).containsExactly("age:NUMERIC",
                "gender:CATEGORICAL", "interests:TAGS", "emb[0]:NUMERIC", "emb[1]:NUMERIC", "emb[2]:NUMERIC");
        assertThat(numeric(users, "age")).containsExactly(23f, NAN, 35f);
        assertThat(categorical(users, "gender")).containsExactly("M", "F", "F");
        assertThat(tags(users, "interests")).containsExactly("rock|jazz", "pop", "");
        assertThat(numeric(users, "emb[0]")).containsExactly(0.1f, NAN, 1f);
        assertThat(numeric(users, "emb[1]")).containsExactly(0.2f, NAN, 2f);
        assertThat(numeric(users, "emb[2]")).containsExactly(NAN, NAN, 3f);

        var items = ds.itemAttributes();
        assertThat(items.names()).containsExactly("movie_title", "release_year", "class");
        assertThat(tags(items, "movie_title")).containsExactly("Toy|Story", "", "Heat");
        assertThat(categorical(items, "release_year")).containsExactly("1995", null, "1995");
        assertThat(tags(items, "class")).containsExactly("Animation|Comedy", "", "Action");
    }

    @Test
    void readsTextFieldsAsTextAndCanSkipFloatSequences() {
        Dataset ds = load("text-fields", List.of("movie_title"), "float-seq", "skip");
        assertThat(text(ds.itemAttributes(), "movie_title")).containsExactly("Toy Story", null, "Heat");
        assertThat(ds.userAttributes().names()).containsExactly("age", "gender", "interests");
    }

    @Test
    void loadsImplicitFeedbackWithOtherFieldNames() {
        Path other = dir.resolve("other");
        TextFiles.write(other, "clicks.inter", "uid:token\tiid:token\nA\tX\nB\tX\nA\tY\n");
        Dataset ds = LoaderConfigs.load(factory, dir, Map.of("path", "other", "name", "clicks", "user-field", "uid",
                "item-field", "iid"));
        assertThat(ds.name()).isEqualTo("clicks");
        assertThat(ds.interactions().hasRatings()).isFalse();
        assertThat(ds.interactions().hasTimestamps()).isFalse();
        assertThat(rows(ds.interactions())).containsExactly("0 0 1.0 0", "1 0 1.0 1", "0 1 1.0 2");
        assertThat(ds.userAttributes().names()).isEmpty();
    }

    @Test
    void messagesForBadFiles() {
        Path inter = folder.resolve("test.inter");
        assertFails(inter + ":1: missing field 'uid' (header has user_id:token, item_id:token, rating:float, "
                + "timestamp:float, label:float)", "user-field", "uid");
        assertFails(inter + ":1: missing field 'score' (header has user_id:token, item_id:token, rating:float, "
                + "timestamp:float, label:float)", "rating-field", "score");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id\n");
        assertFails(inter + ":1: field 'item_id' has no type (expected name:type, e.g. age:float)");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:int\n");
        assertFails(inter + ":1: field 'item_id' has unknown type 'int' (expected token, token_seq, float or float_seq)");
        TextFiles.write(folder, "test.inter", "user_id:token\tuser_id:token\n");
        assertFails(inter + ":1: duplicate field 'user_id'");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:token\trating:float\nu1\ti1\n");
        assertFails(inter + ":2: expected 3 tab-separated fields, found 2");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:token\trating:float\nu1\ti1\tgood\n");
        assertFails(inter + ":2: rating 'good' is not a number");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:token\n");
        assertFails(inter + ": has a header but no rows");
        TextFiles.write(folder, "test.inter", "user_id:token\titem_id:token\nu1\ti1\n");
        TextFiles.write(folder, "test.user", "user_id:token\temb:float_seq\nu1\t1 two\n");
        assertFails(folder.resolve("test.user") + ":2: emb[1] 'two' is not a number");
        assertFails(dir.resolve("nothing") + ": does not exist", "path", "nothing");
        assertFails(folder.resolve("missing.inter") + ": does not exist", "name", "missing");
    }

    @Test
    void validatesItsSection() {
        assertThat(Sections.problems(factory, "data", Map.of("path", "x", "user-field", "id", "item-field", "id")))
                .containsExactly("data.item-field: must differ from user-field (both are 'id')");
        assertThat(Sections.problems(factory, "data", Map.of("path", "x", "float-seq", "drop")))
                .containsExactly("data.float-seq: must be one of [expand, skip] (was 'drop')");
    }
}
