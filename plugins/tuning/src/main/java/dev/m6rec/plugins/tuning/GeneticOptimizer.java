package dev.m6rec.plugins.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A genetic algorithm over mixed spaces that fits ask/tell: the first {@code population}
 * completed trials are uniform random; after that each ask breeds one child from a breeding pool
 * of {@code population} trials, namely the {@code elite} best trials ever (elitism: they never
 * leave the pool) and the most recently completed others, so the pool turns over like generations
 * do without making a parallel study wait for a generation to finish.
 *
 * <p>A child takes two parents chosen by tournaments of {@code tournament} pool members; with
 * probability {@code crossoverRate} each parameter comes from either parent at random (numeric
 * ones sometimes as a blend of both), otherwise the child copies the first parent; then each
 * parameter mutates with probability {@code mutationRate} (a Gaussian step of 0.1 in unit
 * coordinates, or a different value of a choice). Parameters that a changed parent switches on
 * are drawn uniformly. A child that repeats a running or finished trial is mutated again.
 * Only completed trials breed: failed and pruned ones are left out of the pool.
 */
final class GeneticOptimizer extends AskTellOptimizer {
    private static final double MUTATION_STEP = 0.1;
    private static final double BLEND_PROBABILITY = 0.5;

    private final int population;
    private final int elite;
    private final int tournament;
    private final double crossoverRate;
    private final double mutationRate;

    GeneticOptimizer(long seed, int population, int elite, int tournament, double crossoverRate, double mutationRate) {
        super(seed);
        if (population < 2 || elite < 0 || elite >= population || tournament < 1
                || !(crossoverRate >= 0 && crossoverRate <= 1) || !(mutationRate >= 0 && mutationRate <= 1)) {
            throw new IllegalArgumentException("invalid genetic settings: population " + population + ", elite " + elite
                    + ", tournament " + tournament + ", crossoverRate " + crossoverRate + ", mutationRate " + mutationRate);
        }
        this.population = population;
        this.elite = elite;
        this.tournament = tournament;
        this.crossoverRate = crossoverRate;
        this.mutationRate = mutationRate;
    }

    @Override
    double[] propose(int number, RandomGenerator rng) {
        TrialHistory history = history();
        int n = history.completeCount();
        if (n < population) {
            return uniqueRandomRow(rng);
        }
        int[] pool = breedingPool(history);
        double[] first = history.completeRow(select(pool, rng));
        double[] second = history.completeRow(select(pool, rng));
        double[] child = rng.nextDouble() < crossoverRate ? crossover(first, second, rng) : first.clone();
        mutate(child, mutationRate, rng);
        for (int attempt = 0; attempt < DUPLICATE_RETRIES && history.seen(child); attempt++) {
            mutate(child, Math.max(mutationRate, 1.0 / space().size()), rng);
        }
        return child;
    }

    /** Indices of completed trials: the {@code elite} best, then the newest others up to {@code population}. */
    private int[] breedingPool(TrialHistory history) {
        int n = history.completeCount();
        int[] ranked = history.rankByLoss();
        boolean[] taken = new boolean[n];
        List<Integer> pool = new ArrayList<>(population);
        for (int k = 0; k < elite; k++) {
            pool.add(ranked[k]);
            taken[ranked[k]] = true;
        }
        for (int k = n - 1; k >= 0 && pool.size() < population; k--) {
            if (!taken[k]) {
                pool.add(k);
            }
        }
        return pool.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The lowest-loss of {@code tournament} pool members drawn with replacement. */
    private int select(int[] pool, RandomGenerator rng) {
        int winner = pool[rng.nextInt(pool.length)];
        for (int k = 1; k < tournament; k++) {
            int challenger = pool[rng.nextInt(pool.length)];
            if (history().completeLoss(challenger) < history().completeLoss(winner)) {
                winner = challenger;
            }
        }
        return winner;
    }

    private double[] crossover(double[] a, double[] b, RandomGenerator rng) {
        UnitSpace space = space();
        double[] child = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            boolean numericBoth = !space.isChoice(i) && !Double.isNaN(a[i]) && !Double.isNaN(b[i]);
            if (numericBoth && rng.nextDouble() < BLEND_PROBABILITY) {
                // BLX-0.25: a point on (slightly beyond) the segment between the parents.
                double t = -0.25 + 1.5 * rng.nextDouble();
                child[i] = a[i] + t * (b[i] - a[i]);
            } else {
                child[i] = rng.nextBoolean() ? a[i] : b[i];
            }
        }
        space.repair(child, rng);
        return child;
    }

    private void mutate(double[] child, double rate, RandomGenerator rng) {
        UnitSpace space = space();
        for (int i = 0; i < child.length; i++) {
            if (Double.isNaN(child[i]) || rng.nextDouble() >= rate) {
                continue;
            }
            if (space.isChoice(i)) {
                int k = space.choiceCount(i);
                if (k > 1) {
                    int other = rng.nextInt(k - 1);
                    child[i] = other >= (int) child[i] ? other + 1 : other;
                }
            } else {
                child[i] += MUTATION_STEP * rng.nextGaussian();
            }
        }
        space.repair(child, rng);
    }
}
