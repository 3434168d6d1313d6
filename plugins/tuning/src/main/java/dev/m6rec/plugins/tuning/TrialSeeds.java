package dev.m6rec.plugins.tuning;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One random stream per trial number, derived from a seed drawn once from the component's seeded
 * context. Because a proposal depends only on the seed, the trial number and what was told
 * before it, a study resumed from its journal proposes what the uninterrupted study would have.
 */
final class TrialSeeds {
    private final long base;

    TrialSeeds(long base) {
        this.base = base;
    }

    RandomGenerator forTrial(int number) {
        return new SplittableRandom(mix(base + 0x9E3779B97F4A7C15L * (number + 1L)));
    }

    /** SplitMix64's finaliser: neighbouring trial numbers give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
