package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.datasets.Columns;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small reference recommenders and measures, written out here so the synthetic dataset's
 * planted structure can be checked without the model plugins: leave-last-out NDCG@10 of
 * popularity, random and item-kNN (cosine on co-interactions); category concentration; cold-start
 * recall from attributes; tag sharing along sequences; ratings by category.
 */
final class PlantedStructure {
    private final Dataset dataset;
    private final int users;
    private final int items;
    /** Per user: train items (all but the last, in time order), and the held-out last item. */
    private final int[][] train;
    private final int[] heldOut;
    private final float[] popularity;
    private final float[][] cosine;

    PlantedStructure(Dataset dataset) {
        this.dataset = dataset;
        Interactions all = dataset.interactions();
        users = all.numUsers();
        items = all.numItems();
        SparseRows byUser = all.byUser();
        train = new int[users][];
        heldOut = new int[users];
        popularity = new float[items];
        for (int u = 0; u < users; u++) {
            int n = byUser.length(u);
            train[u] = new int[n - 1];
            for (int k = 0; k < n - 1; k++) {
                train[u][k] = byUser.column(byUser.start(u) + k);
                popularity[train[u][k]]++;
            }
            heldOut[u] = byUser.column(byUser.end(u) - 1);
        }
        float[][] co = new float[items][items];
        for (int[] history : train) {
            for (int a : history) {
                for (int b : history) {
                    if (a != b) {
                        co[a][b]++;
                    }
                }
            }
        }
        cosine = co;
        for (int a = 0; a < items; a++) {
            for (int b = 0; b < items; b++) {
                float norm = (float) Math.sqrt(Math.max(1, popularity[a]) * Math.max(1, popularity[b]));
                cosine[a][b] = co[a][b] / norm;
            }
        }
    }

    double popularityNdcg() {
        double sum = 0;
        for (int u = 0; u < users; u++) {
            sum += ndcg(u, popularity.clone());
        }
        return sum / users;
    }

    double randomNdcg(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double sum = 0;
        for (int u = 0; u < users; u++) {
            float[] scores = new float[items];
            for (int i = 0; i < items; i++) {
                scores[i] = (float) random.nextDouble();
            }
            sum += ndcg(u, scores);
        }
        return sum / users;
    }

    /** Item-kNN over the whole train history. */
    double itemKnnNdcg() {
        double sum = 0;
        for (int u = 0; u < users; u++) {
            float[] scores = new float[items];
            for (int h : train[u]) {
                for (int i = 0; i < items; i++) {
                    scores[i] += cosine[h][i];
                }
            }
            sum += ndcg(u, scores);
        }
        return sum / users;
    }

    /** NDCG@10 of the held-out item among items the user has not had in train. */
    private double ndcg(int u, float[] scores) {
        for (int h : train[u]) {
            scores[h] = Float.NEGATIVE_INFINITY;
        }
        float target = scores[heldOut[u]];
        int better = 0;
        for (int i = 0; i < items; i++) {
            // ties count against the model so that an uninformative score cannot look good
            if (i != heldOut[u] && scores[i] >= target) {
                better++;
            }
        }
        return better < 10 ? 1 / (Math.log(better + 2) / Math.log(2)) : 0;
    }

    /**
     * The mean share of a user's interactions that fall in their two most frequent categories,
     * with items as in the data or, with {@code shuffleSeed >= 0}, with the item column shuffled
     * across rows (same user activity and item popularity, no taste).
     */
    double topTwoCategoryShare(long shuffleSeed) {
        Interactions all = dataset.interactions();
        String[] category = Columns.categorical(dataset.itemAttributes(), "category");
        int[] itemOfRow = new int[all.size()];
        for (int r = 0; r < itemOfRow.length; r++) {
            itemOfRow[r] = all.item(r);
        }
        if (shuffleSeed >= 0) {
            SplittableRandom random = new SplittableRandom(shuffleSeed);
            for (int r = itemOfRow.length - 1; r > 0; r--) {
                int j = random.nextInt(r + 1);
                int swap = itemOfRow[r];
                itemOfRow[r] = itemOfRow[j];
                itemOfRow[j] = swap;
            }
        }
        Map<String, Integer> categoryIndex = new HashMap<>();
        for (String c : category) {
            categoryIndex.putIfAbsent(c, categoryIndex.size());
        }
        int[][] counts = new int[users][categoryIndex.size()];
        int[] totals = new int[users];
        for (int r = 0; r < itemOfRow.length; r++) {
            counts[all.user(r)][categoryIndex.get(category[itemOfRow[r]])]++;
            totals[all.user(r)]++;
        }
        double sum = 0;
        for (int u = 0; u < users; u++) {
            int[] sorted = counts[u].clone();
            Arrays.sort(sorted);
            int top = sorted[sorted.length - 1] + (sorted.length > 1 ? sorted[sorted.length - 2] : 0);
            sum += (double) top / totals[u];
        }
        return sum / users;
    }

    /**
     * Cold start: for the odd-numbered users, the recall@20 of their whole history when items are
     * ranked by popularity among the even-numbered users ({@code byGroup = false}), or by that
     * popularity re-weighted by how much more the even-numbered users of the same occupation and
     * gender choose the item's category than everyone does ({@code byGroup = true}): what a model
     * scoring a new user from attributes and item categories can do.
     */
    double coldStartRecall(boolean byGroup) {
        Interactions all = dataset.interactions();
        String[] occupation = Columns.categorical(dataset.userAttributes(), "occupation");
        String[] gender = Columns.categorical(dataset.userAttributes(), "gender");
        int[] category = indexes(Columns.categorical(dataset.itemAttributes(), "category"));
        int categories = Arrays.stream(category).max().orElseThrow() + 1;
        String[] groupNames = new String[users];
        for (int u = 0; u < users; u++) {
            groupNames[u] = occupation[u] + "/" + gender[u];
        }
        int[] group = indexes(groupNames);
        int groups = Arrays.stream(group).max().orElseThrow() + 1;
        double[][] groupCategories = new double[groups][categories];
        double[] globalCategories = new double[categories];
        double[] global = new double[items];
        for (int r = 0; r < all.size(); r++) {
            int u = all.user(r);
            if (u % 2 == 0) {
                groupCategories[group[u]][category[all.item(r)]]++;
                globalCategories[category[all.item(r)]]++;
                global[all.item(r)]++;
            }
        }
        double globalTotal = Arrays.stream(globalCategories).sum();
        SparseRows byUser = all.byUser();
        double sum = 0;
        int counted = 0;
        double[] scores = new double[items];
        boolean[] top = new boolean[items];
        for (int u = 1; u < users; u += 2) {
            double[] mine = groupCategories[group[u]];
            double groupTotal = Arrays.stream(mine).sum();
            for (int i = 0; i < items; i++) {
                int c = category[i];
                double lift = byGroup ? (mine[c] + 1) / (groupTotal + 1) / ((globalCategories[c] + 1) / (globalTotal + 1)) : 1;
                scores[i] = global[i] * lift;
            }
            Arrays.fill(top, false);
            for (int k = 0; k < 20; k++) {
                int best = -1;
                for (int i = 0; i < items; i++) {
                    if (!top[i] && (best < 0 || scores[i] > scores[best])) {
                        best = i;
                    }
                }
                top[best] = true;
            }
            int hits = 0;
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                hits += top[byUser.column(k)] ? 1 : 0;
            }
            sum += (double) hits / Math.min(20, byUser.length(u));
            counted++;
        }
        return sum / counted;
    }

    /** Dense indexes of the distinct values, in first-seen order. */
    private static int[] indexes(String[] values) {
        Map<String, Integer> seen = new HashMap<>();
        int[] out = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = seen.computeIfAbsent(values[k], v -> seen.size());
        }
        return out;
    }

    /**
     * How often two items of one user's history share a tag: consecutive items
     * ({@code consecutive = true}) or items {@code lag} = 5..9 apart (same users, same
     * tastes, but not recent).
     */
    double tagSharing(boolean consecutive) {
        String[][] tags = ((AttributeColumn.Tags) dataset.itemAttributes().column("tags").orElseThrow()).values();
        SparseRows byUser = dataset.interactions().byUser();
        long shared = 0;
        long pairs = 0;
        for (int u = 0; u < users; u++) {
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                int lag = consecutive ? 1 : 5 + (k % 5);
                if (k + lag < byUser.end(u)) {
                    pairs++;
                    shared += share(tags[byUser.column(k)], tags[byUser.column(k + lag)]) ? 1 : 0;
                }
            }
        }
        return (double) shared / pairs;
    }

    private static boolean share(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mean, over users, of their mean rating in their most frequent category minus elsewhere. */
    double favouriteCategoryRatingGap() {
        Interactions all = dataset.interactions();
        String[] category = Columns.categorical(dataset.itemAttributes(), "category");
        SparseRows byUser = all.byUser();
        double sum = 0;
        int counted = 0;
        for (int u = 0; u < users; u++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                counts.merge(category[byUser.column(k)], 1, Integer::sum);
            }
            String favourite = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double in = 0;
            double out = 0;
            int nIn = 0;
            int nOut = 0;
            for (int k = byUser.start(u); k < byUser.end(u); k++) {
                float rating = all.rating(byUser.source(k));
                if (category[byUser.column(k)].equals(favourite)) {
                    in += rating;
                    nIn++;
                } else {
                    out += rating;
                    nOut++;
                }
            }
            if (nIn > 0 && nOut > 0) {
                sum += in / nIn - out / nOut;
                counted++;
            }
        }
        return sum / counted;
    }
}
