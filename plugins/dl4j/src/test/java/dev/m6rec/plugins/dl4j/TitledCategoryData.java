package dev.m6rec.plugins.dl4j;

import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.ModelInputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generated interactions where an item's title tells its category: each category has its own
 * title words (plus words shared by all), each user prefers one category and mostly picks its
 * items. The first {@code coldPerCategory} items of every category are never interacted with, so
 * only their titles can place them. Items carry {@code title} (text), {@code category}
 * (categorical) and {@code price} (numeric) attributes. Each user's last item is the test target,
 * the one before the validation target, the rest training history.
 */
public final class TitledCategoryData {
    public final int numUsers;
    public final int numItems;
    public final int categories;
    public final int[] itemCategory;
    public final int[] userCategory;
    public final boolean[] cold;
    public final String[] titles;
    public final DataSplit split;
    public final ModelInputs inputs;

    public TitledCategoryData(int numUsers, int categories, int itemsPerCategory, int coldPerCategory, int steps,
                              double focus, long seed) {
        this.numUsers = numUsers;
        this.categories = categories;
        this.numItems = categories * itemsPerCategory;
        SplittableRandom rng = new SplittableRandom(seed);
        String[][] ownWords = new String[categories][5];
        for (String[] words : ownWords) {
            for (int w = 0; w < words.length; w++) {
                words[w] = word(rng);
            }
        }
        String[] sharedWords = new String[8];
        for (int w = 0; w < sharedWords.length; w++) {
            sharedWords[w] = word(rng);
        }
        itemCategory = new int[numItems];
        cold = new boolean[numItems];
        titles = new String[numItems];
        float[] prices = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            int c = i / itemsPerCategory;
            itemCategory[i] = c;
            cold[i] = i % itemsPerCategory < coldPerCategory;
            StringBuilder title = new StringBuilder();
            for (int w = 0; w < 3; w++) {
                title.append(w == 0 ? "" : w == 1 && rng.nextBoolean() ? ": " : " ");
                String word = rng.nextDouble() < 0.8 ? ownWords[c][rng.nextInt(5)] : sharedWords[rng.nextInt(8)];
                title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            titles[i] = title.toString();
            prices[i] = (float) (5 + 20 * rng.nextDouble());
        }
        userCategory = new int[numUsers];
        Interactions.Builder train = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder valid = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder test = Interactions.builder(numUsers, numItems, false, true);
        Interactions.Builder all = Interactions.builder(numUsers, numItems, false, true);
        long time = 0;
        for (int u = 0; u < numUsers; u++) {
            userCategory[u] = u % categories;
            boolean[] taken = new boolean[numItems];
            for (int s = 0; s < steps; s++) {
                int item;
                do {
                    item = rng.nextDouble() < focus
                            ? userCategory[u] * itemsPerCategory + rng.nextInt(itemsPerCategory)
                            : rng.nextInt(numItems);
                } while (taken[item] || cold[item]);
                taken[item] = true;
                Interactions.Builder part = s == steps - 1 ? test : s == steps - 2 ? valid : train;
                part.add(u, item, 1f, time);
                all.add(u, item, 1f, time);
                time++;
            }
        }
        AttributeTable itemAttributes = new AttributeTable(numItems, List.of(
                new AttributeColumn.Text("title", titles.clone()),
                new AttributeColumn.Categorical("category", categoryNames()),
                new AttributeColumn.Numeric("price", prices)));
        Dataset dataset = new Dataset("titled", IdIndex.range("u", numUsers), IdIndex.range("i", numItems),
                all.build(), AttributeTable.empty(numUsers), itemAttributes, Map.of());
        split = new DataSplit(dataset, train.build(), valid.build(), test.build());
        inputs = new ModelInputs(numUsers, numItems, FeatureMatrix.empty(numUsers), FeatureMatrix.empty(numItems),
                Optional.empty());
    }

    private String[] categoryNames() {
        String[] names = new String[numItems];
        for (int i = 0; i < numItems; i++) {
            names[i] = "category-" + itemCategory[i];
        }
        return names;
    }

    /** A pronounceable lower-case word of 4-7 letters. */
    private static String word(SplittableRandom rng) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        int length = 4 + rng.nextInt(4);
        for (int k = 0; k < length; k++) {
            String from = k % 2 == 0 ? consonants : vowels;
            w.append(from.charAt(rng.nextInt(from.length())));
        }
        return w.toString();
    }
}
