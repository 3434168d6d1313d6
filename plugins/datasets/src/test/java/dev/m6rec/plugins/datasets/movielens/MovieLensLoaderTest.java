package dev.m6rec.plugins.datasets.movielens;

import static dev.m6rec.plugins.datasets.Columns.categorical;
import static dev.m6rec.plugins.datasets.Columns.numeric;
import static dev.m6rec.plugins.datasets.Columns.rows;
import static dev.m6rec.plugins.datasets.Columns.tags;
import static dev.m6rec.plugins.datasets.Columns.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.TextFiles;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensLoaderTest {
    private static final float NAN = Float.NaN;
    private final MovieLensLoaderFactory factory = new MovieLensLoaderFactory();

    @TempDir
    Path dir;

    private Dataset load(String folder, Object... more) {
        Map<String, Object> section = new HashMap<>(Map.of("path", folder));
        for (int k = 0; k < more.length; k += 2) {
            section.put((String) more[k], more[k + 1]);
        }
        return LoaderConfigs.load(factory, dir, section);
    }

    @Test
    void loadsThe100kLayout() {
        MovieLensFixtures.hundredK(dir.resolve("ml-100k"));
        Dataset ds = load("ml-100k");

        assertThat(ds.name()).isEqualTo("ml-100k");
        assertThat(ds.users().ids()).containsExactly("196", "186", "22", "900");
        assertThat(ds.items().ids()).containsExactly("242", "302", "377", "267");
        assertThat(rows(ds.interactions())).containsExactly("0 0 3.0 881250949", "1 1 3.0 891717742",
                "2 2 1.0 878887116", "0 2 4.0 881251000");
        assertThat(ds.loadCounts()).containsEntry("rows", 4L).containsEntry("users", 4L).containsEntry("items", 4L)
                .containsEntry("cold-users", 1L).containsEntry("cold-items", 1L).containsEntry("skipped-lines", 0L);

        AttributeTable users = ds.userAttributes();
        assertThat(users.columns()).extracting(c -> c.name() + ":" + c.kind())
                .containsExactly("age:NUMERIC", "gender:CATEGORICAL", "occupation:CATEGORICAL", "zip:CATEGORICAL");
        assertThat(numeric(users, "age")).containsExactly(49f, 39f, 25f, 30f);
        assertThat(categorical(users, "gender")).containsExactly("M", "F", "M", "F");
        assertThat(categorical(users, "occupation")).containsExactly("writer", "executive", "writer", "artist");
        assertThat(categorical(users, "zip")).containsExactly("55105", "00000", "40206", "T8H1N");

        AttributeTable items = ds.itemAttributes();
        assertThat(items.columns()).extracting(c -> c.name() + ":" + c.kind())
                .containsExactly("title:TEXT", "year:NUMERIC", "release-date:NUMERIC", "genres:TAGS");
        assertThat(text(items, "title")).containsExactly("Kolya (1996)", "Les Mis\u00e9rables (1995)", "Heavyweights",
                "unknown");
        // Heavyweights has no year in its title: the release date gives it
        assertThat(numeric(items, "year")).containsExactly(1996f, 1995f, 1994f, NAN);
        assertThat(numeric(items, "release-date")).containsExactly(9885f, 9862f, 8766f, NAN);
        assertThat(tags(items, "genres")).containsExactly("Comedy", "Action|Comedy",
                "", "unknown");
    }

    @Test
    void readsTheOneDigitDayOfTheGenuineUItem() {
        // Line 1373 of the genuine u.item is the one release date written with a one-digit day.
        Path folder = dir.resolve("ml");
        TextFiles.write(folder, "u.data", "1\t1373\t3\t874965758\n");
        TextFiles.write(folder, "u.item", "1373|Good Morning (1971)|4-Feb-1971||"
                + "http://us.imdb.com/M/title-exact?Good%20Morning%20(1971)|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n");
        Dataset ds = load("ml");
        assertThat(numeric(ds.itemAttributes(), "release-date")).containsExactly(399f);
        assertThat(numeric(ds.itemAttributes(), "year")).containsExactly(1971f);
        assertThat(tags(ds.itemAttributes(), "genres")).containsExactly("unknown");
    }

    @Test
    void usesTheStandardGenresWithoutUGenre() {
        Path folder = dir.resolve("ml");
        TextFiles.write(folder, "u.data", "1\t1\t5\t874965758\n");
        TextFiles.write(folder, "u.item", "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|1\n");
        Dataset ds = load("ml");
        assertThat(tags(ds.itemAttributes(), "genres")).containsExactly("Animation|Children's|Comedy|Western");
        assertThat(ds.userAttributes().names()).isEmpty();
        assertThat(MovieLens100kFiles.STANDARD_GENRES).hasSize(19);
    }

    @Test
    void loadsThe1mLayout() {
        MovieLensFixtures.oneM(dir.resolve("ml-1m"));
        Dataset ds = load("ml-1m");

        assertThat(ds.users().ids()).containsExactly("1", "2", "3");
        assertThat(ds.items().ids()).containsExactly("1193", "661", "1");
        assertThat(rows(ds.interactions())).containsExactly("0 0 5.0 978300760", "0 1 3.0 978302109",
                "1 0 4.0 978298413");
        assertThat(ds.loadCounts()).containsEntry("cold-users", 1L).containsEntry("cold-items", 1L);
        AttributeTable users = ds.userAttributes();
        assertThat(users.names()).containsExactly("gender", "age", "occupation", "zip");
        assertThat(categorical(users, "gender")).containsExactly("F", "M", "M");
        assertThat(numeric(users, "age")).containsExactly(1f, 56f, 25f);
        assertThat(categorical(users, "occupation")).containsExactly("K-12 student", "self-employed", "scientist");
        assertThat(categorical(users, "zip")).containsExactly("48067", "70072", "55117");
        AttributeTable items = ds.itemAttributes();
        assertThat(items.names()).containsExactly("title", "year", "genres");
        assertThat(text(items, "title")).containsExactly("One Flew Over the Cuckoo's Nest (1975)",
                "James and the Giant Peach (1996)", "Toy Story (1995)");
        assertThat(numeric(items, "year")).containsExactly(1975f, 1996f, 1995f);
        assertThat(tags(items, "genres")).containsExactly("Drama",
                "Animation|Children's|Musical", "Animation|Children's|Comedy");
    }

    @Test
    void loadsTheCsvLayoutWithTags() {
        MovieLensFixtures.csv(dir.resolve("ml-latest-small"));
        Dataset ds = load("ml-latest-small");

        assertThat(ds.users().ids()).containsExactly("1", "6");
        assertThat(ds.items().ids()).containsExactly("1", "3", "5", "9");
        assertThat(rows(ds.interactions())).containsExactly("0 0 4.0 964982703", "0 1 4.5 964981247",
                "1 0 0.5 845553522");
        assertThat(ds.loadCounts()).containsEntry("cold-users", 0L).containsEntry("cold-items", 2L);
        assertThat(ds.userAttributes().names()).isEmpty();
        AttributeTable items = ds.itemAttributes();
        assertThat(items.columns()).extracting(c -> c.name() + ":" + c.kind())
                .containsExactly("title:TEXT", "year:NUMERIC", "genres:TAGS", "tags:TAGS");
        assertThat(text(items, "title")).containsExactly("Toy Story (1995)", "American President, The (1995)",
                "Babylon 5 (1994-1998)", null);
        assertThat(numeric(items, "year")).containsExactly(1995f, 1995f, 1994f, NAN);
        assertThat(tags(items, "genres")).containsExactly(
                "Adventure|Animation|Children|Comedy|Fantasy",
                "Comedy|Drama|Romance", "", "");
        assertThat(tags(items, "tags")).containsExactly("pixar", "politics, satire",
                "", "fun");
    }

    @Test
    void canLeaveTagsOut() {
        MovieLensFixtures.csv(dir.resolve("ml"));
        Dataset ds = load("ml", "tags", false);
        assertThat(ds.itemAttributes().names()).containsExactly("title", "year", "genres");
        assertThat(ds.items().ids()).containsExactly("1", "3", "5");
    }

    @Test
    void detectsTheLayoutFromTheRatingsFile() {
        MovieLensFixtures.hundredK(dir.resolve("a"));
        MovieLensFixtures.oneM(dir.resolve("b"));
        MovieLensFixtures.csv(dir.resolve("c"));
        assertThat(MovieLensLayout.detect(dir.resolve("a"))).isEqualTo(MovieLensLayout.ML_100K);
        assertThat(MovieLensLayout.detect(dir.resolve("b"))).isEqualTo(MovieLensLayout.ML_1M);
        assertThat(MovieLensLayout.detect(dir.resolve("c"))).isEqualTo(MovieLensLayout.CSV);
    }

    @Test
    void aConfiguredLayoutWinsOverDetection() {
        Path folder = MovieLensFixtures.oneM(dir.resolve("both"));
        MovieLensFixtures.csv(folder);
        assertThat(load("both", "layout", "1m").items().ids()).containsExactly("1193", "661", "1");
        assertThat(load("both", "layout", "csv").items().ids()).containsExactly("1", "3", "5", "9");
    }

    /** A one-rating ml-1m folder whose only movie's title is Amélie, saved in {@code charset}. */
    private void amelie(String folder, Charset charset) {
        TextFiles.write(dir.resolve(folder), "ratings.dat", "1::2::3::4\n");
        TextFiles.write(dir.resolve(folder), "movies.dat", "2::Am\u00e9lie (2001)::Comedy|Romance\n", charset);
    }

    @Test
    void readsLatin1TitlesOf1m() {
        amelie("latin", StandardCharsets.ISO_8859_1);
        assertThat(text(load("latin").itemAttributes(), "title")).containsExactly("Am\u00e9lie (2001)");
    }

    @Test
    void anEncodingOptionReadsFilesSavedInAnotherCharacterSet() {
        // ml-1m re-saved as UTF-8 (as some mirrors do): read as Latin-1 it gives mojibake.
        amelie("utf8", StandardCharsets.UTF_8);
        assertThat(text(load("utf8").itemAttributes(), "title")).containsExactly("Am\u00c3\u00a9lie (2001)");
        assertThat(text(load("utf8", "encoding", "UTF-8").itemAttributes(), "title")).containsExactly("Am\u00e9lie (2001)");
        assertThat(Sections.problems(factory, "data", Map.of("path", "utf8", "encoding", "klingon")))
                .containsExactly("data.encoding: unknown character set 'klingon'");
        assertThat(Sections.problems(factory, "data", Map.of("path", "utf8", "encoding", "no such name")))
                .containsExactly("data.encoding: unknown character set 'no such name'");
    }
}
