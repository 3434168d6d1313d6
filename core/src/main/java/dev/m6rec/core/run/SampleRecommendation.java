package dev.m6rec.core.run;

import java.util.List;

/** One user's printed sample list: external ids, scores, and which items the user did hold out in test. */
public record SampleRecommendation(String user, int historyLength, List<String> items, float[] scores, boolean[] heldOut) {
    public SampleRecommendation {
        items = List.copyOf(items);
    }
}
