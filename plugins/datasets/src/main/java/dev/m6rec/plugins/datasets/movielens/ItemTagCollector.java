package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the distinct tags users gave each item (MovieLens {@code tags.csv}: one line per user,
 * item and tag) in order of first use. Tags are compared as given (the caller normalises them).
 */
final class ItemTagCollector {
    private final Map<String, Integer> tagIds = new HashMap<>();
    private final List<String> tags = new ArrayList<>();
    private int[][] byItem = new int[0][];
    private int[] counts = new int[0];

    void add(int item, String tag) {
        int id = tagIds.computeIfAbsent(tag, t -> {
            tags.add(t);
            return tags.size() - 1;
        });
        if (item >= byItem.length) {
            int size = Math.max(item + 1, byItem.length * 2);
            byItem = Arrays.copyOf(byItem, size);
            counts = Arrays.copyOf(counts, size);
        }
        int[] list = byItem[item];
        int n = counts[item];
        for (int k = 0; k < n; k++) {
            if (list[k] == id) {
                return;
            }
        }
        if (list == null) {
            list = new int[4];
        } else if (n == list.length) {
            list = Arrays.copyOf(list, n * 2);
        }
        list[n] = id;
        byItem[item] = list;
        counts[item] = n + 1;
    }

    /** Writes every item's tags into {@code column}. */
    void into(AttributeColumnBuilder.Tags column) {
        for (int item = 0; item < byItem.length; item++) {
            if (counts[item] > 0) {
                String[] names = new String[counts[item]];
                for (int k = 0; k < names.length; k++) {
                    names[k] = tags.get(byItem[item][k]);
                }
                column.set(item, names);
            }
        }
    }
}
