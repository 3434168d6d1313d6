package dev.m6rec.plugins.dl4j.train;

import java.util.random.RandomGenerator;

/** Fisher-Yates over an index array, from the seeded source a caller passes in. */
public final class Shuffle {
    private Shuffle() {
    }

    public static void inPlace(int[] values, RandomGenerator rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
