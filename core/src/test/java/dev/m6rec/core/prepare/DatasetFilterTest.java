package dev.m6rec.core.prepare;

import static dev.m6rec.core.prepare.TinyDatasets.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetFilterTest {
    /** Pair (u0, i0) three times, out of time order in the file; pair (u1, i1) twice at the same time. */
    private static final Dataset REPEATS = TinyDatasets.of("repeats",
            "u0 i0 5 100",
            "u0 i1 3 110",
            "u0 i0 2 120",
            "u1 i1 4 130",
            "u0 i0 4 90",
            "u1 i1 4 130",
            "u2 i2 1 140");

    /**
     * Users need 2 interactions and items 2. One pass removes only D (1 interaction); that leaves
     * z with 1, whose removal leaves C with 1: three rounds to the fixed point.
     */
    private static final Dataset CHAIN = TinyDatasets.of("chain",
            "A x", "A y", "B x", "B y", "C y", "C z", "D z");

    private static FilterSettings dedup(DedupPolicy policy) {
        return new FilterSettings(0, 0, OptionalDouble.empty(), policy);
    }

    private static FilteredDataset apply(FilterSettings settings, Dataset dataset) {
        return new DatasetFilter(settings).apply(dataset);
    }

    @Test
    void dedupFirstKeepsTheEarliestByTimeNotByFileOrder() {
        FilteredDataset out = apply(dedup(DedupPolicy.FIRST), REPEATS);
        assertThat(rows(out.dataset())).containsExactly("u0 i1 3 110", "u1 i1 4 130", "u0 i0 4 90", "u2 i2 1 140");
        assertThat(out.summary()).hasValue("filter: 7 -> 4 interactions (dedup first removed 3)");
    }

    @Test
    void dedupLastKeepsTheLatestAndBreaksTimeTiesByFileOrder() {
        assertThat(rows(apply(dedup(DedupPolicy.LAST), REPEATS).dataset()))
                .containsExactly("u0 i1 3 110", "u0 i0 2 120", "u1 i1 4 130", "u2 i2 1 140");
        Dataset sameTime = TinyDatasets.of("tie", "a x 1 10", "a x 2 10");
        assertThat(rows(apply(dedup(DedupPolicy.LAST), sameTime).dataset())).containsExactly("a x 2 10");
        assertThat(rows(apply(dedup(DedupPolicy.FIRST), sameTime).dataset())).containsExactly("a x 1 10");
    }

    @Test
    void dedupMaxKeepsTheHighestRatingAndTheLatestOfEqualOnes() {
        assertThat(rows(apply(dedup(DedupPolicy.MAX), REPEATS).dataset()))
                .containsExactly("u0 i0 5 100", "u0 i1 3 110", "u1 i1 4 130", "u2 i2 1 140");
        Dataset twoEqual = TinyDatasets.of("eq", "a x 3 10", "a x 5 20", "a x 5 30", "a x 1 40");
        assertThat(rows(apply(dedup(DedupPolicy.MAX), twoEqual).dataset())).containsExactly("a x 5 30");
    }

    @Test
    void dedupWithoutTimestampsFollowsFileOrder() {
        Dataset noTime = TinyDatasets.of("nt", "a x 1", "a y 2", "a x 3", "b x 4");
        assertThat(rows(apply(dedup(DedupPolicy.FIRST), noTime).dataset())).containsExactly("a x 1", "a y 2", "b x 4");
        assertThat(rows(apply(dedup(DedupPolicy.LAST), noTime).dataset())).containsExactly("a y 2", "a x 3", "b x 4");
    }

    @Test
    void dedupNoneKeepsEveryRowAndTheLoadedDatasetItself() {
        FilteredDataset out = apply(FilterSettings.none(), REPEATS);
        assertThat(out.dataset()).isSameAs(REPEATS);
        assertThat(out.summary()).isEmpty();
    }

    @Test
    void theThresholdDropsLowRatingsAndKeepsTheOthersAsTheyAre() {
        FilteredDataset out = apply(new FilterSettings(0, 0, OptionalDouble.of(4), DedupPolicy.NONE), REPEATS);
        assertThat(rows(out.dataset())).containsExactly("u0 i0 5 100", "u1 i1 4 130", "u0 i0 4 90", "u1 i1 4 130");
        assertThat(out.summary()).hasValue("filter: 7 -> 4 interactions (rating >= 4 removed 3); "
                + "dropped 1 users and 1 items left without interactions");
        Dataset half = TinyDatasets.of("h", "a x 3.5", "a y 3.4", "b y 5");
        assertThat(rows(apply(new FilterSettings(0, 0, OptionalDouble.of(3.5), DedupPolicy.NONE), half).dataset()))
                .containsExactly("a x 3.5", "b y 5");
    }

    @Test
    void dedupRunsBeforeTheThresholdSoTheLatestOpinionDecides() {
        FilteredDataset out = apply(new FilterSettings(0, 0, OptionalDouble.of(4), DedupPolicy.LAST), REPEATS);
        // u0 rated i0 5 at t=100 but 2 at t=120: the pair is no positive.
        assertThat(rows(out.dataset())).containsExactly("u1 i1 4 130");
        assertThat(out.summary()).hasValue("filter: 7 -> 1 interactions (dedup last removed 3, rating >= 4 removed 3); "
                + "dropped 2 users and 2 items left without interactions");
    }

    @Test
    void kCoreIteratesToTheFixedPoint() {
        FilteredDataset out = apply(new FilterSettings(2, 2, OptionalDouble.empty(), DedupPolicy.NONE), CHAIN);
        assertThat(rows(out.dataset())).containsExactly("A x", "A y", "B x", "B y");
        assertThat(out.dataset().users().ids()).containsExactly("A", "B");
        assertThat(out.dataset().items().ids()).containsExactly("x", "y");
        assertThat(out.summary()).hasValue("filter: 7 -> 4 interactions (k-core (users >= 2, items >= 2) removed 3); "
                + "dropped 2 users and 1 items left without interactions");
        assertThat(out.dataset().loadCounts()).containsEntry("filter.k-core", 3L).containsEntry("filter.users-dropped", 2L)
                .containsEntry("filter.items-dropped", 1L).containsEntry("filter.duplicates", 0L)
                .containsEntry("filter.below-threshold", 0L).containsEntry("rows", 7L);
    }

    @Test
    void aMinimumOnOneSideLeavesTheOtherUnconstrained() {
        FilteredDataset users = apply(new FilterSettings(2, 0, OptionalDouble.empty(), DedupPolicy.NONE), CHAIN);
        assertThat(rows(users.dataset())).containsExactly("A x", "A y", "B x", "B y", "C y", "C z");
        FilteredDataset items = apply(new FilterSettings(0, 3, OptionalDouble.empty(), DedupPolicy.NONE), CHAIN);
        assertThat(rows(items.dataset())).containsExactly("A y", "B y", "C y");
        assertThat(items.summary()).hasValue("filter: 7 -> 3 interactions (k-core (items >= 3) removed 4); "
                + "dropped 1 users and 2 items left without interactions");
    }

    @Test
    void kCoreMatchesRepeatedPassesOnRandomGraphs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 20; trial++) {
            int users = 30;
            int items = 25;
            int n = 150;
            Interactions.Builder b = Interactions.builder(users, items, false, false);
            for (int k = 0; k < n; k++) {
                // Skewed draws give a mix of heavy and one-off users and items.
                b.add((int) (users * Math.pow(random.nextDouble(), 2)), (int) (items * Math.pow(random.nextDouble(), 2)), 1, 0);
            }
            Interactions all = b.build();
            int minUser = 2 + trial % 3;
            int minItem = 2 + trial % 4;
            boolean[] peeled = new boolean[n];
            Arrays.fill(peeled, true);
            KCore.peel(all, minUser, minItem, peeled);
            assertThat(peeled).as("trial %d", trial).containsExactly(byPasses(all, minUser, minItem));
        }
    }

    /** The textbook k-core: count, drop, repeat until a pass drops nothing. */
    private static boolean[] byPasses(Interactions all, int minUser, int minItem) {
        boolean[] keep = new boolean[all.size()];
        Arrays.fill(keep, true);
        boolean changed = true;
        while (changed) {
            int[] uc = new int[all.numUsers()];
            int[] ic = new int[all.numItems()];
            for (int r = 0; r < keep.length; r++) {
                if (keep[r]) {
                    uc[all.user(r)]++;
                    ic[all.item(r)]++;
                }
            }
            changed = false;
            for (int r = 0; r < keep.length; r++) {
                if (keep[r] && (uc[all.user(r)] < minUser || ic[all.item(r)] < minItem)) {
                    keep[r] = false;
                    changed = true;
                }
            }
        }
        return keep;
    }

    @Test
    void emptiedEntitiesLeaveWithTheirAttributesWhileCatalogueOnlyOnesStay() {
        Dataset base = TinyDatasets.of("attrs", List.of("u3"), List.of("i3"),
                "u0 i0 5 100", "u1 i1 4 130", "u2 i2 1 140");
        Dataset withAttributes = TinyDatasets.withAttributes(base,
                new AttributeTable(4, List.of(new AttributeColumn.Numeric("age", new float[] {30, 40, 50, 60}))),
                new AttributeTable(4, List.of(new AttributeColumn.Categorical("genre", new String[] {"a", "b", "c", "d"}))));
        Dataset out = apply(new FilterSettings(0, 0, OptionalDouble.of(4.5), DedupPolicy.NONE), withAttributes).dataset();
        // u1/i1 and u2/i2 lost their only rows; u3 and i3 never had any and stay for cold start.
        assertThat(out.users().ids()).containsExactly("u0", "u3");
        assertThat(out.items().ids()).containsExactly("i0", "i3");
        assertThat(((AttributeColumn.Numeric) out.userAttributes().column("age").orElseThrow()).values())
                .containsExactly(30, 60);
        assertThat(((AttributeColumn.Categorical) out.itemAttributes().column("genre").orElseThrow()).values())
                .containsExactly("a", "d");
        assertThat(out.interactions().user(0)).isEqualTo(0);
        assertThat(out.interactions().item(0)).isEqualTo(0);
        assertThat(out.interactions().numUsers()).isEqualTo(2);
        assertThat(out.interactions().numItems()).isEqualTo(2);
    }

    @Test
    void survivorsAreRenumberedInTheirOriginalOrder() {
        Dataset out = apply(new FilterSettings(0, 0, OptionalDouble.of(3), DedupPolicy.NONE),
                TinyDatasets.of("order", "a x 1", "b y 5", "c z 1", "d x 4", "b z 3")).dataset();
        assertThat(out.users().ids()).containsExactly("b", "d");
        assertThat(out.items().ids()).containsExactly("x", "y", "z");
        assertThat(rows(out)).containsExactly("b y 5", "d x 4", "b z 3");
        assertThat(out.interactions().user(1)).isEqualTo(1);
        assertThat(out.interactions().item(1)).isEqualTo(0);
    }

    @Test
    void aThresholdOnDataWithoutRatingsIsAConfigError() {
        assertThatThrownBy(() -> apply(new FilterSettings(0, 0, OptionalDouble.of(4), DedupPolicy.NONE), CHAIN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("filter.rating-threshold: dataset 'chain' has no ratings to compare with the threshold");
    }

    @Test
    void filtersThatRemoveEverythingAreAConfigError() {
        assertThatThrownBy(() -> apply(new FilterSettings(5, 0, OptionalDouble.of(2), DedupPolicy.FIRST), REPEATS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("filter: removes every interaction of dataset 'repeats' (dedup first removed 3, "
                        + "rating >= 2 removed 1, k-core (users >= 5) removed 3)");
    }

    @Test
    void filteringIsDeterministic() {
        FilterSettings all = new FilterSettings(2, 0, OptionalDouble.of(2), DedupPolicy.MAX);
        Dataset first = apply(all, REPEATS).dataset();
        Dataset second = apply(all, REPEATS).dataset();
        assertThat(rows(first)).containsExactly("u0 i0 5 100", "u0 i1 3 110").isEqualTo(rows(second));
        assertThat(first.users()).isEqualTo(second.users());
        assertThat(first.items()).isEqualTo(second.items());
    }
}
