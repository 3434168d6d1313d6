package dev.m6rec.plugins.datasets.synthetic;

import static dev.m6rec.plugins.datasets.Columns.categorical;
import static dev.m6rec.plugins.datasets.Columns.numeric;
import static dev.m6rec.plugins.datasets.Columns.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticLoaderTest {
    private final SyntheticLoaderFactory factory = new SyntheticLoaderFactory();

    private DatasetLoader loader(long seed, Map<String, Object> section) {
        return Sections.create(factory, "data", section, new RecordingPluginContext(seed, "data"));
    }

    private Dataset generate(long seed, Map<String, Object> section) {
        return loader(seed, section).load();
    }

    @Test
    void defaultDatasetHasTheDocumentedShape() {
        Dataset ds = generate(1, Map.of());
        assertThat(ds.name()).isEqualTo("synthetic");
        assertThat(ds.users().size()).isEqualTo(2000);
        assertThat(ds.items().size()).isEqualTo(1000);
        assertThat(ds.users().id(0)).isEqualTo("u1");
        assertThat(ds.users().id(1999)).isEqualTo("u2000");
        assertThat(ds.items().id(999)).isEqualTo("i1000");
        Interactions all = ds.interactions();
        // 2000 users x 40 on average (log-normal, at least 5)
        assertThat(all.size()).isBetween(76_000, 86_000);
        assertThat(ds.loadCounts()).containsEntry("rows", (long) all.size()).containsEntry("users", 2000L)
                .containsEntry("items", 1000L);
        assertThat(ds.userAttributes().columns()).extracting(c -> c.name() + ":" + c.kind()).containsExactly(
                "age:NUMERIC", "gender:CATEGORICAL", "occupation:CATEGORICAL", "country:CATEGORICAL");
        assertThat(ds.itemAttributes().columns()).extracting(c -> c.name() + ":" + c.kind()).containsExactly(
                "category:CATEGORICAL", "tags:TAGS", "title:TEXT", "price:NUMERIC", "year:NUMERIC");

        int[] ratingCounts = new int[6];
        int otherRatings = 0;
        for (int r = 0; r < all.size(); r++) {
            float rating = all.rating(r);
            if (rating == 1f || rating == 2f || rating == 3f || rating == 4f || rating == 5f) {
                ratingCounts[(int) rating]++;
            } else {
                otherRatings++;
            }
        }
        assertThat(otherRatings).isZero();
        assertThat(Arrays.stream(ratingCounts, 1, 6).min().orElseThrow()).isGreaterThan(all.size() / 50);
        assertThat(min(numeric(ds.userAttributes(), "age"))).isGreaterThanOrEqualTo(16f);
        assertThat(max(numeric(ds.userAttributes(), "age"))).isLessThanOrEqualTo(75f);
        assertThat(categorical(ds.itemAttributes(), "category")).contains("action", "western");
        assertThat(new HashSet<>(Arrays.asList(categorical(ds.itemAttributes(), "category")))).hasSize(12);
        String[][] tags = ((AttributeColumn.Tags) ds.itemAttributes().column("tags").orElseThrow()).values();
        assertThat(Arrays.asList(tags)).allSatisfy(t -> assertThat(t.length).isBetween(2, 4));
        assertThat(text(ds.itemAttributes(), "title")).allSatisfy(t -> assertThat(t.split(" ")).hasSizeBetween(2, 4));
        assertThat(min(numeric(ds.itemAttributes(), "price"))).isPositive();
        assertThat(min(numeric(ds.itemAttributes(), "year"))).isGreaterThanOrEqualTo(1950f);
    }

    @Test
    void historiesAreDistinctItemsInIncreasingTime() {
        Dataset ds = generate(2, Map.of());
        Interactions all = ds.interactions();
        SparseRows byUser = all.byUser();
        int shortHistories = 0;
        int repeats = 0;
        int backInTime = 0;
        for (int u = 0; u < all.numUsers(); u++) {
            shortHistories += byUser.length(u) < 5 ? 1 : 0;
            Set<Integer> seen = new HashSet<>();
            long previous = 1_500_000_000L;
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                repeats += seen.add(byUser.column(k)) ? 0 : 1;
                long time = all.timestamp(byUser.source(k));
                backInTime += time > previous ? 0 : 1;
                previous = time;
            }
        }
        assertThat(new int[] {shortHistories, repeats, backInTime}).containsExactly(0, 0, 0);
        // rows are grouped by user, oldest first
        int outOfOrder = 0;
        for (int r = 1; r < all.size(); r++) {
            outOfOrder += all.user(r) > all.user(r - 1) || all.timestamp(r) > all.timestamp(r - 1) ? 0 : 1;
        }
        assertThat(outOfOrder).isZero();
    }

    @Test
    void theSameSeedGivesTheSameDatasetAndAnotherSeedAnotherOne() {
        Map<String, Object> small = Map.of("users", 300, "items", 200);
        Dataset a = generate(7, small);
        Dataset b = generate(7, small);
        Dataset c = generate(8, small);
        assertThat(columns(a)).isEqualTo(columns(b));
        assertThat(text(a.itemAttributes(), "title")).containsExactly(text(b.itemAttributes(), "title"));
        assertThat(categorical(a.userAttributes(), "occupation")).containsExactly(categorical(b.userAttributes(), "occupation"));
        assertThat(columns(a)).isNotEqualTo(columns(c));
        assertThat(text(a.itemAttributes(), "title")).isNotEqualTo(text(c.itemAttributes(), "title"));
        // loading twice from one loader also repeats itself
        DatasetLoader loader = loader(7, small);
        assertThat(columns(loader.load())).isEqualTo(columns(loader.load())).isEqualTo(columns(a));
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The interaction columns as one comparable string. */
    private static String columns(Dataset ds) {
        Interactions all = ds.interactions();
        int[] users = new int[all.size()];
        int[] items = new int[all.size()];
        float[] ratings = new float[all.size()];
        long[] times = new long[all.size()];
        for (int r = 0; r < all.size(); r++) {
            users[r] = all.user(r);
            items[r] = all.item(r);
            ratings[r] = all.rating(r);
            times[r] = all.timestamp(r);
        }
        return Arrays.toString(users) + Arrays.toString(items) + Arrays.toString(ratings) + Arrays.toString(times);
    }

    @Test
    void honoursTheConfiguredSizes() {
        Dataset ds = generate(3, Map.of("users", 50, "items", 30, "categories", 3, "interactions-per-user", 10,
                "min-interactions-per-user", 3, "tags-per-category", 2, "start-time", 100));
        assertThat(ds.users().size()).isEqualTo(50);
        assertThat(ds.items().size()).isEqualTo(30);
        assertThat(new HashSet<>(Arrays.asList(categorical(ds.itemAttributes(), "category"))))
                .containsExactlyInAnyOrder("action", "comedy", "drama");
        SparseRows byUser = ds.interactions().byUser();
        int total = 0;
        for (int u = 0; u < 50; u++) {
            assertThat(byUser.length(u)).isBetween(3, 30);
            total += byUser.length(u);
        }
        assertThat(total).isBetween(400, 650);
        assertThat(ds.interactions().timestamp(0)).isGreaterThan(100L);
        Set<String> tags = new HashSet<>();
        for (String[] t : ((AttributeColumn.Tags) ds.itemAttributes().column("tags").orElseThrow()).values()) {
            tags.addAll(Arrays.asList(t));
        }
        assertThat(tags).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void aUserCanHaveEveryItem() {
        Dataset ds = generate(4, Map.of("users", 5, "items", 8, "categories", 2, "interactions-per-user", 8,
                "min-interactions-per-user", 8));
        assertThat(ds.interactions().size()).isEqualTo(40);
    }

    @Test
    void validatesItsParameters() {
        assertThat(Sections.problems(factory, "data",
                Map.of("items", 10, "categories", 20, "min-interactions-per-user", 50)))
                .containsExactly("data.categories: must be <= items (was 20 with 10 items)",
                        "data.min-interactions-per-user: must be <= interactions-per-user (was 50 > 40)",
                        "data.min-interactions-per-user: must be <= items (was 50 > 10)");
        assertThat(Sections.problems(factory, "data", Map.of("users", 5_000_000, "interactions-per-user", 100)))
                .containsExactly("data.users: users x interactions-per-user must be <= 200000000 (was 500000000)");
        assertThat(Sections.problems(factory, "data",
                Map.of("users", 0, "popularity-skew", 4, "sequence-strength", -0.1)))
                .containsExactlyInAnyOrder("data.users: must be >= 1 (was 0)", "data.popularity-skew: must be <= 3 (was 4)",
                        "data.sequence-strength: must be >= 0 (was -0.1)");
    }
}
