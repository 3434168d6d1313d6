package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.core.prepare.DatasetFilter;
import dev.m6rec.core.prepare.DedupPolicy;
import dev.m6rec.core.prepare.FilterSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark filters against core's {@code DatasetFilter} on one small dataset with repeated pairs,
 * tied timestamps and a k-core that needs several rounds: the same rows survive, in file order, and
 * each step counts the same removals.
 */
class SparkFiltersTest {
    private static final int USERS = 60;
    private static final int ITEMS = 40;
    private static final StructType INPUT = new StructType().add("row", DataTypes.LongType, false)
            .add("user", DataTypes.StringType, false).add("item", DataTypes.StringType, false)
            .add("rating", DataTypes.DoubleType, false).add("timestamp", DataTypes.LongType, false);
    private static dev.m6rec.api.data.Dataset dataset;
    private static org.apache.spark.sql.Dataset<Row> rows;

    @BeforeAll
    static void data() {
        SparkSession spark = LocalSpark.session();
        Random random = new Random(5);
        Interactions.Builder b = Interactions.builder(USERS, ITEMS, true, true);
        List<Row> input = new ArrayList<>();
        for (int row = 0; row < 700; row++) {
            // Skewed users and items, so that the k-core peels in several rounds and popular pairs repeat.
            int u = (int) (USERS * Math.pow(random.nextDouble(), 2));
            int i = (7 * u + (int) (ITEMS * Math.pow(random.nextDouble(), 2))) % ITEMS;
            float rating = 1 + random.nextInt(5) * 0.5f;
            long time = random.nextInt(4);
            b.add(u, i, rating, time);
            input.add(RowFactory.create((long) row, "u" + u, "i" + i, (double) rating, time));
        }
        dataset = new dev.m6rec.api.data.Dataset("pairs", IdIndex.range("u", USERS), IdIndex.range("i", ITEMS), b.build(),
                AttributeTable.empty(USERS), AttributeTable.empty(ITEMS), Map.of());
        rows = spark.createDataFrame(input, INPUT).repartition(3).cache();
    }

    @AfterAll
    static void release() {
        rows.unpersist();
    }

    @Test
    void eachDedupPolicyKeepsCoresRows() {
        for (DedupPolicy policy : List.of(DedupPolicy.FIRST, DedupPolicy.LAST, DedupPolicy.MAX)) {
            assertSameAsCore(new FilterSettings(0, 0, OptionalDouble.empty(), policy));
        }
    }

    @Test
    void thresholdThenKCoreToItsFixedPointKeepCoresRows() {
        assertSameAsCore(new FilterSettings(4, 6, OptionalDouble.of(2.0), DedupPolicy.MAX));
    }

    @Test
    void removingEveryRowIsAConfigError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkFilters.apply(rows,
                        new FilterSettings(1000, 0, OptionalDouble.empty(), DedupPolicy.NONE), "pairs"))
                .isInstanceOf(dev.m6rec.api.ConfigException.class)
                .hasMessage("filter: removes every interaction of dataset 'pairs' (k-core (users >= 1000) removed 700)");
    }

    private static void assertSameAsCore(FilterSettings settings) {
        dev.m6rec.api.data.Dataset core = new DatasetFilter(settings).apply(dataset).dataset();

        SparkFilters.Result result = SparkFilters.apply(rows, settings, "pairs");

        List<String> expected = new ArrayList<>();
        Interactions kept = core.interactions();
        for (int r = 0; r < kept.size(); r++) {
            expected.add(core.users().id(kept.user(r)) + " " + core.items().id(kept.item(r)) + " " + kept.rating(r)
                    + " " + kept.timestamp(r));
        }
        List<String> actual = result.kept().orderBy("row").collectAsList().stream()
                .map(r -> r.getString(1) + " " + r.getString(2) + " " + (float) r.getDouble(3) + " " + r.getLong(4))
                .toList();
        assertThat(actual).as("%s", settings).isEqualTo(expected);
        assertThat(List.of(result.duplicates(), result.belowThreshold(), result.kCore())).as("%s", settings)
                .isEqualTo(List.of(core.loadCounts().get("filter.duplicates"), core.loadCounts().get("filter.below-threshold"),
                        core.loadCounts().get("filter.k-core")));
        assertThat(kept.size()).as("the filters leave something to compare").isGreaterThan(50).isLessThan(700);
    }
}
