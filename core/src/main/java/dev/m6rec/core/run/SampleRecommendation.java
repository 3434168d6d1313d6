package dev.m6rec.core.run;

import java.util.List;

/**
 * One user's printed sample list: external ids, the items' titles ("" where the dataset has none),
 * scores, and which items the user did hold out in test.
 */
public record SampleRecommendation(String user, int historyLength, List<String> items, List<String> titles,
                                   float[] scores, boolean[] heldOut) {
    public SampleRecommendation {
        items = List.copyOf(items);
        titles = List.copyOf(titles);
    }
}
