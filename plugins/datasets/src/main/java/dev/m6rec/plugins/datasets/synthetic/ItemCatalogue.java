package dev.m6rec.plugins.datasets.synthetic;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The generated items and their planted structure. Each category has a centre in latent space
 * and a small vocabulary of tags (sub-genres, each with its own offset) and title words. An item
 * has one category, a primary tag that places its latent vector (category centre + tag offset +
 * noise), 1-3 further tags (mostly of its own category), a title of 2-4 words drawn mostly from
 * its category's vocabulary, a price and a year typical of its category, and a Zipf popularity
 * (the rank is random, so popularity is independent of category).
 */
final class ItemCatalogue {
    static final List<String> CATEGORY_NAMES = List.of("action", "comedy", "drama", "horror", "romance", "scifi",
            "documentary", "animation", "thriller", "fantasy", "mystery", "western");
    private static final int TITLE_WORDS_PER_CATEGORY = 10;
    private static final int SHARED_TITLE_WORDS = 24;
    private static final double OWN_CATEGORY_TAG = 0.8;
    private static final double OWN_CATEGORY_WORD = 0.7;

    final int size;
    final int categories;
    final int dims;
    final float[][] centres;
    final int[] category;
    final int[][] tags;
    /** Row-major {@code size x dims}. */
    final float[] latent;
    final double[] popularity;
    final float[] quality;
    final WeightedSampler[] byCategory;
    final WeightedSampler[] byTag;
    final WeightedSampler all;
    private final String[] categoryNames;
    private final String[] tagNames;
    private final String[] titles;
    private final float[] prices;
    private final float[] years;

    ItemCatalogue(SyntheticSettings settings, PseudoWords words, RandomGenerator random) {
        size = settings.items();
        categories = settings.categories();
        dims = settings.latentDims();
        int tagsPer = settings.tagsPerCategory();
        categoryNames = new String[categories];
        for (int c = 0; c < categories; c++) {
            categoryNames[c] = c < CATEGORY_NAMES.size() ? CATEGORY_NAMES.get(c) : "category-" + (c + 1);
        }
        tagNames = new String[categories * tagsPer];
        for (int t = 0; t < tagNames.length; t++) {
            tagNames[t] = words.next();
        }
        String[][] titleWords = new String[categories][TITLE_WORDS_PER_CATEGORY];
        for (String[] vocabulary : titleWords) {
            for (int w = 0; w < vocabulary.length; w++) {
                vocabulary[w] = PseudoWords.capitalise(words.next());
            }
        }
        String[] sharedWords = new String[SHARED_TITLE_WORDS];
        for (int w = 0; w < sharedWords.length; w++) {
            sharedWords[w] = PseudoWords.capitalise(words.next());
        }
        centres = gaussianRows(categories, dims, random);
        float[][] tagOffsets = gaussianRows(tagNames.length, dims, random);
        double[] priceLevel = new double[categories];
        double[] yearLevel = new double[categories];
        for (int c = 0; c < categories; c++) {
            priceLevel[c] = 2.3 + 2.0 * random.nextDouble();
            yearLevel[c] = 1975 + 43 * random.nextDouble();
        }

        category = new int[size];
        tags = new int[size][];
        latent = new float[size * dims];
        quality = new float[size];
        titles = new String[size];
        prices = new float[size];
        years = new float[size];
        float scale = (float) (1 / Math.sqrt(dims));
        for (int i = 0; i < size; i++) {
            int c = i < categories ? i : random.nextInt(categories);
            category[i] = c;
            int primary = c * tagsPer + random.nextInt(tagsPer);
            tags[i] = drawTags(primary, c, tagsPer, tagNames.length, random);
            for (int k = 0; k < dims; k++) {
                latent[i * dims + k] = scale * (centres[c][k] + 0.8f * tagOffsets[primary][k]
                        + 0.5f * (float) random.nextGaussian());
            }
            quality[i] = (float) (0.35 * random.nextGaussian());
            titles[i] = title(titleWords[c], sharedWords, random);
            prices[i] = Math.round(Math.exp(priceLevel[c] + 0.35 * random.nextGaussian()) * 100) / 100f;
            years[i] = (float) Math.max(1950, Math.min(2024, Math.round(yearLevel[c] + 6 * random.nextGaussian())));
        }
        popularity = zipf(size, settings.popularitySkew(), random);
        byCategory = samplers(categories, category, null);
        byTag = samplers(tagNames.length, null, tags);
        int[] everyone = new int[size];
        Arrays.setAll(everyone, i -> i);
        all = new WeightedSampler(everyone, popularity);
    }

    float dot(float[] userVector, int item) {
        float sum = 0;
        for (int k = 0, base = item * dims; k < dims; k++) {
            sum += userVector[k] * latent[base + k];
        }
        return sum;
    }

    AttributeTable table() {
        String[] categoryColumn = new String[size];
        String[][] tagColumn = new String[size][];
        for (int i = 0; i < size; i++) {
            categoryColumn[i] = categoryNames[category[i]];
            tagColumn[i] = new String[tags[i].length];
            for (int k = 0; k < tags[i].length; k++) {
                tagColumn[i][k] = tagNames[tags[i][k]];
            }
        }
        return new AttributeTable(size, List.of(
                new AttributeColumn.Categorical("category", categoryColumn),
                new AttributeColumn.Tags("tags", tagColumn),
                new AttributeColumn.Text("title", titles.clone()),
                new AttributeColumn.Numeric("price", prices.clone()),
                new AttributeColumn.Numeric("year", years.clone())));
    }

    /** The primary tag, then 1-3 more: mostly of the item's own category, sometimes any tag. */
    private static int[] drawTags(int primary, int c, int tagsPer, int allTags, RandomGenerator random) {
        int wanted = Math.min(2 + random.nextInt(3), allTags);
        int[] chosen = new int[wanted];
        chosen[0] = primary;
        int n = 1;
        for (int attempt = 0; n < wanted && attempt < 50; attempt++) {
            int tag = random.nextDouble() < OWN_CATEGORY_TAG ? c * tagsPer + random.nextInt(tagsPer)
                    : random.nextInt(allTags);
            boolean duplicate = false;
            for (int k = 0; k < n; k++) {
                duplicate |= chosen[k] == tag;
            }
            if (!duplicate) {
                chosen[n++] = tag;
            }
        }
        return Arrays.copyOf(chosen, n);
    }

    private static String title(String[] own, String[] shared, RandomGenerator random) {
        int words = 2 + random.nextInt(3);
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                title.append(' ');
            }
            title.append(random.nextDouble() < OWN_CATEGORY_WORD ? own[random.nextInt(own.length)]
                    : shared[random.nextInt(shared.length)]);
        }
        return title.toString();
    }

    private static float[][] gaussianRows(int rows, int dims, RandomGenerator random) {
        float[][] out = new float[rows][dims];
        for (float[] row : out) {
            for (int k = 0; k < dims; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        return out;
    }

    private static double[] zipf(int n, double skew, RandomGenerator random) {
        int[] rank = new int[n];
        Arrays.setAll(rank, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rank[i];
            rank[i] = rank[j];
            rank[j] = swap;
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(rank[i] + 1, -skew);
        }
        return weights;
    }

    /** One sampler per group; an item is in its category's group, or in the group of each of its tags. */
    private WeightedSampler[] samplers(int groups, int[] single, int[][] multiple) {
        int[] counts = new int[groups];
        for (int i = 0; i < size; i++) {
            if (single != null) {
                counts[single[i]]++;
            } else {
                for (int tag : multiple[i]) {
                    counts[tag]++;
                }
            }
        }
        int[][] members = new int[groups][];
        for (int g = 0; g < groups; g++) {
            members[g] = new int[counts[g]];
        }
        int[] fill = new int[groups];
        for (int i = 0; i < size; i++) {
            if (single != null) {
                members[single[i]][fill[single[i]]++] = i;
            } else {
                for (int tag : multiple[i]) {
                    members[tag][fill[tag]++] = i;
                }
            }
        }
        WeightedSampler[] out = new WeightedSampler[groups];
        for (int g = 0; g < groups; g++) {
            out[g] = new WeightedSampler(members[g], popularity);
        }
        return out;
    }
}
