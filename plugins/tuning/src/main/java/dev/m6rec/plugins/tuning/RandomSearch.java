package dev.m6rec.plugins.tuning;

import java.util.random.RandomGenerator;

/** Uniform random search: every active parameter drawn uniformly (log kinds uniformly in log space). */
final class RandomSearch extends AskTellOptimizer {

    RandomSearch(long seed) {
        super(seed);
    }

    @Override
    double[] propose(int number, RandomGenerator rng) {
        return uniqueRandomRow(rng);
    }
}
