package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.data.Interactions;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Plays out each user's history, item after item, in time order:
 * <ul>
 *   <li>with probability {@code sequence-strength} (after the first item) the next item continues
 *       the recent ones: it is drawn among the items sharing a tag with one of the last three
 *       (mostly the last), so it usually shares their category and sub-genre as well;</li>
 *   <li>otherwise a category is drawn from the user's preference and the item from that category;</li>
 *   <li>either way, candidates are drawn by popularity and one is chosen with probability
 *       proportional to exp(latent affinity), never an item the user has already had.</li>
 * </ul>
 * Time advances in sessions (minutes apart) separated by days. The rating is the standardised
 * affinity (category logit + latent match) plus user bias, item quality and Gaussian noise,
 * rounded to 1-5.
 */
final class InteractionSimulator {
    private static final int CANDIDATES = 16;
    private static final double LATENT_WEIGHT = 1.5;
    private static final double[] ANCHOR_SHARES = {0.6, 0.85, 1.0};
    private static final double SESSION_CONTINUES = 0.8;
    private static final double IN_SESSION_GAP = 900;
    private static final double BETWEEN_SESSIONS_GAP = 3 * 86_400;
    private static final long START_SPREAD = 2 * 365 * 86_400L;
    private static final double MEAN_RATING = 3.4;

    private final SyntheticSettings settings;
    private final ItemCatalogue items;
    private final UserPopulation users;
    private final RandomGenerator random;
    private final int[] candidates = new int[CANDIDATES];
    private final double[] weights = new double[CANDIDATES];

    InteractionSimulator(SyntheticSettings settings, ItemCatalogue items, UserPopulation users, RandomGenerator random) {
        this.settings = settings;
        this.items = items;
        this.users = users;
        this.random = random;
    }

    Interactions simulate() {
        int total = 0;
        for (int u = 0; u < users.size; u++) {
            total += users.activity[u];
        }
        float[] affinity = new float[total];
        int[] itemOfRow = new int[total];
        int[] userOfRow = new int[total];
        long[] timeOfRow = new long[total];
        int[] seenBy = new int[items.size];
        Arrays.fill(seenBy, -1);
        float[] taste = new float[items.dims];
        int[] recent = new int[ANCHOR_SHARES.length];
        int row = 0;
        for (int u = 0; u < users.size; u++) {
            users.latentOf(u, taste);
            long time = settings.startTime() + random.nextLong(START_SPREAD);
            int count = users.activity[u];
            for (int s = 0; s < count; s++) {
                WeightedSampler pool;
                if (s > 0 && random.nextDouble() < settings.sequenceStrength()) {
                    int anchor = recent[anchorPosition(Math.min(s, recent.length))];
                    int[] anchorTags = items.tags[anchor];
                    pool = items.byTag[anchorTags[random.nextInt(anchorTags.length)]];
                } else {
                    pool = items.byCategory[users.sampleCategory(u, random)];
                }
                int item = choose(u, pool, taste, seenBy);
                seenBy[item] = u;
                System.arraycopy(recent, 0, recent, 1, recent.length - 1);
                recent[0] = item;
                time += gap();
                userOfRow[row] = u;
                itemOfRow[row] = item;
                timeOfRow[row] = time;
                affinity[row] = users.logits[u * users.categories + items.category[item]]
                        + (float) (LATENT_WEIGHT * items.dot(taste, item));
                row++;
            }
        }
        double mean = 0;
        for (float a : affinity) {
            mean += a;
        }
        mean /= Math.max(1, total);
        double variance = 0;
        for (float a : affinity) {
            variance += (a - mean) * (a - mean);
        }
        double sd = Math.sqrt(variance / Math.max(1, total));
        sd = sd > 0 ? sd : 1;
        float[] ratings = new float[total];
        for (int r = 0; r < total; r++) {
            double rating = MEAN_RATING + (affinity[r] - mean) / sd + users.ratingBias[userOfRow[r]]
                    + items.quality[itemOfRow[r]] + settings.ratingNoise() * random.nextGaussian();
            ratings[r] = Math.max(1, Math.min(5, Math.round(rating)));
        }
        return Interactions.adopt(users.size, items.size, userOfRow, itemOfRow, ratings, timeOfRow);
    }

    /** 0 (the last item) most often, then 1, then 2; only among the {@code available} recent ones. */
    private int anchorPosition(int available) {
        double target = random.nextDouble() * ANCHOR_SHARES[available - 1];
        int k = 0;
        while (target >= ANCHOR_SHARES[k]) {
            k++;
        }
        return k;
    }

    private long gap() {
        double seconds = random.nextDouble() < SESSION_CONTINUES
                ? 30 + IN_SESSION_GAP * random.nextExponential()
                : 3600 + BETWEEN_SESSIONS_GAP * random.nextExponential();
        return Math.max(1, (long) seconds);
    }

    /** An item the user has not had: from {@code pool}, else from a preferred category, else any. */
    private int choose(int u, WeightedSampler pool, float[] taste, int[] seenBy) {
        int item = bestOf(u, pool, taste, seenBy);
        for (int attempt = 0; item < 0 && attempt < 4; attempt++) {
            item = bestOf(u, items.byCategory[users.sampleCategory(u, random)], taste, seenBy);
        }
        for (int attempt = 0; item < 0 && attempt < 4; attempt++) {
            item = bestOf(u, items.all, taste, seenBy);
        }
        if (item < 0) {
            int start = random.nextInt(items.size);
            for (int k = 0; k < items.size && item < 0; k++) {
                int candidate = (start + k) % items.size;
                if (seenBy[candidate] != u) {
                    item = candidate;
                }
            }
        }
        return item;
    }

    /**
     * Draws candidates from {@code pool} by popularity and picks one of the unseen ones with
     * probability proportional to exp(latent affinity); -1 when every candidate was seen.
     */
    private int bestOf(int u, WeightedSampler pool, float[] taste, int[] seenBy) {
        int found = 0;
        double total = 0;
        for (int k = 0; k < CANDIDATES; k++) {
            int candidate = pool.sample(random);
            if (seenBy[candidate] == u) {
                continue;
            }
            double weight = Math.exp(LATENT_WEIGHT * items.dot(taste, candidate));
            candidates[found] = candidate;
            total += weight;
            weights[found++] = total;
        }
        if (found == 0) {
            return -1;
        }
        double target = random.nextDouble() * total;
        int k = 0;
        while (k < found - 1 && weights[k] <= target) {
            k++;
        }
        return candidates[k];
    }
}
