package dev.m6rec.plugins.tuning;

import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Grid search: {@code points} evenly spaced values per numeric parameter (bounds included; log
 * kinds evenly in log space; integer kinds rounded and deduplicated), every value of a choice.
 * The grid is walked like an odometer, the last parameter turning fastest; a conditional
 * parameter only turns while its condition holds, so no point is visited twice. Points already
 * asked or told (a replayed journal) are skipped. Once the grid is exhausted the search goes on
 * with uniform random points that repeat no trial when possible, so a study whose trial budget
 * exceeds the grid still spends it.
 */
final class GridSearch extends AskTellOptimizer {
    private final int points;
    private double[][] levels;
    private int[] position;
    private boolean exhausted;

    GridSearch(long seed, int points) {
        super(seed);
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2 (was " + points + ")");
        }
        this.points = points;
    }

    @Override
    void started(UnitSpace space) {
        levels = new double[space.size()][];
        for (int i = 0; i < space.size(); i++) {
            levels[i] = levels(space, i);
        }
        position = new int[space.size()];
    }

    private double[] levels(UnitSpace space, int i) {
        SearchParameter p = space.parameter(i);
        if (p.kind() == ParameterKind.CHOICE) {
            double[] out = new double[space.choiceCount(i)];
            for (int c = 0; c < out.length; c++) {
                out[c] = c;
            }
            return out;
        }
        if (p.low() == p.high()) {
            return new double[] {space.encode(i, p.low())};
        }
        double lo = p.kind().isLog() ? Math.log(p.low()) : p.low();
        double hi = p.kind().isLog() ? Math.log(p.high()) : p.high();
        double[] out = new double[points];
        for (int k = 0; k < points; k++) {
            double internal = lo + (hi - lo) * k / (points - 1);
            out[k] = space.encode(i, p.kind().isLog() ? Math.exp(internal) : internal);
        }
        // Integer kinds: neighbouring points may round to the same integer.
        return Arrays.stream(out).distinct().toArray();
    }

    @Override
    double[] propose(int number, RandomGenerator rng) {
        while (!exhausted) {
            double[] row = current();
            exhausted = !advance(row);
            if (!history().seen(row)) {
                return row;
            }
        }
        return uniqueRandomRow(rng);
    }

    private double[] current() {
        UnitSpace space = space();
        double[] row = new double[space.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = space.isActive(i, row) ? levels[i][position[i]] : Double.NaN;
        }
        return row;
    }

    /** Moves to the next grid point; false when {@code row} (the current point) was the last. */
    private boolean advance(double[] row) {
        for (int i = position.length - 1; i >= 0; i--) {
            if (!Double.isNaN(row[i]) && position[i] + 1 < levels[i].length) {
                position[i]++;
                Arrays.fill(position, i + 1, position.length, 0);
                return true;
            }
        }
        return false;
    }
}
