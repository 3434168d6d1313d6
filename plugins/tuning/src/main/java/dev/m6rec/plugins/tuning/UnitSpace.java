package dev.m6rec.plugins.tuning;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A {@link SearchSpace} seen as rows of coordinates, one per parameter, that every optimiser here
 * works on. A numeric parameter's coordinate is in [0, 1] (log kinds in log space; integer kinds
 * widened by half a step on each side so that every integer owns an equal share of the interval,
 * as in Optuna); a choice's coordinate is the index of the choice; an inactive (or missing)
 * parameter's coordinate is NaN.
 *
 * <pre>{@code
 * UnitSpace unit = new UnitSpace(space);
 * double[] row = unit.sample(rng);                 // NaN where a condition is off
 * Map<String, Object> params = unit.decode(row);   // Double / Long / choice, inactive absent
 * }</pre>
 */
final class UnitSpace {
    private final SearchParameter[] params;
    private final int[] parent;
    /** For a parameter under a choice parent: which parent indices switch it on. */
    private final boolean[][] activeForChoice;
    private final double[] lo;
    private final double[] hi;

    UnitSpace(SearchSpace space) {
        requireNonNull(space, "space is null");
        List<SearchParameter> list = space.parameters();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("search space has no parameters");
        }
        int n = list.size();
        params = list.toArray(new SearchParameter[0]);
        parent = new int[n];
        activeForChoice = new boolean[n][];
        lo = new double[n];
        hi = new double[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SearchParameter p = params[i];
            if (index.put(p.path(), i) != null) {
                throw new IllegalArgumentException("search space declares " + p.path() + " twice");
            }
            checkBounds(p);
            lo[i] = internal(p, p.kind().isInteger() ? Math.ceil(p.low()) - 0.5 : p.low());
            hi[i] = internal(p, p.kind().isInteger() ? Math.floor(p.high()) + 0.5 : p.high());
            parent[i] = -1;
            if (p.isConditional()) {
                Integer at = index.get(p.parentPath());
                if (at == null) {
                    throw new IllegalArgumentException(p.path() + " depends on " + p.parentPath()
                            + ", which is not declared before it");
                }
                parent[i] = at;
                SearchParameter q = params[at];
                if (q.kind() == ParameterKind.CHOICE) {
                    activeForChoice[i] = new boolean[q.choices().size()];
                    for (int c = 0; c < q.choices().size(); c++) {
                        String text = String.valueOf(q.choices().get(c));
                        activeForChoice[i][c] = p.parentValues().stream().anyMatch(v -> String.valueOf(v).equals(text));
                    }
                }
            }
        }
    }

    private static void checkBounds(SearchParameter p) {
        if (p.kind() == ParameterKind.CHOICE) {
            if (p.choices().isEmpty()) {
                throw new IllegalArgumentException(p.path() + ": choice has no values");
            }
            return;
        }
        if (!Double.isFinite(p.low()) || !Double.isFinite(p.high()) || p.low() > p.high()) {
            throw new IllegalArgumentException(p.path() + ": bounds must be finite with low <= high (was ["
                    + p.low() + ", " + p.high() + "])");
        }
        if (p.kind().isLog() && p.low() <= 0) {
            throw new IllegalArgumentException(p.path() + ": " + p.kind().yamlName() + " needs low > 0 (was " + p.low() + ")");
        }
        if (p.kind().isInteger() && Math.ceil(p.low()) > Math.floor(p.high())) {
            throw new IllegalArgumentException(p.path() + ": no integer in [" + p.low() + ", " + p.high() + "]");
        }
    }

    private static double internal(SearchParameter p, double value) {
        return p.kind().isLog() ? Math.log(value) : value;
    }

    int size() {
        return params.length;
    }

    SearchParameter parameter(int i) {
        return params[i];
    }

    boolean isChoice(int i) {
        return params[i].kind() == ParameterKind.CHOICE;
    }

    int choiceCount(int i) {
        return params[i].choices().size();
    }

    boolean isInteger(int i) {
        return params[i].kind().isInteger();
    }

    /** The parent's index, or -1 when {@code i} is unconditional. */
    int parent(int i) {
        return parent[i];
    }

    /** The coordinate of one value; NaN when the value is absent or not a value of the parameter. */
    double encode(int i, Object value) {
        if (value == null) {
            return Double.NaN;
        }
        SearchParameter p = params[i];
        if (isChoice(i)) {
            String text = String.valueOf(value);
            for (int c = 0; c < p.choices().size(); c++) {
                if (String.valueOf(p.choices().get(c)).equals(text)) {
                    return c;
                }
            }
            return Double.NaN;
        }
        double v;
        if (value instanceof Number number) {
            v = number.doubleValue();
        } else {
            try {
                v = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        // A replayed trial may come from a slightly different space: clamp rather than reject.
        v = Math.min(Math.max(v, p.low()), p.high());
        if (isInteger(i)) {
            v = Math.rint(v);
        }
        return clampUnit(unit(i, internal(p, v)));
    }

    private double unit(int i, double internal) {
        return hi[i] == lo[i] ? 0.5 : (internal - lo[i]) / (hi[i] - lo[i]);
    }

    /** The value at a coordinate: Double for float kinds, Long for integer kinds, the choice itself. */
    Object decode(int i, double coordinate) {
        SearchParameter p = params[i];
        if (isChoice(i)) {
            int c = (int) Math.min(Math.max(Math.round(coordinate), 0), p.choices().size() - 1);
            return p.choices().get(c);
        }
        double internal = lo[i] + clampUnit(coordinate) * (hi[i] - lo[i]);
        double v = p.kind().isLog() ? Math.exp(internal) : internal;
        if (isInteger(i)) {
            long r = Math.round(v);
            return Math.min(Math.max(r, (long) Math.ceil(p.low())), (long) Math.floor(p.high()));
        }
        return Math.min(Math.max(v, p.low()), p.high());
    }

    /**
     * Moves a coordinate onto what the parameter can take: [0, 1] for floats, the centre of its
     * integer's cell for integer kinds, a whole index for a choice. Models that see coordinates
     * must see the snapped ones, or they would credit a proposal with a value it cannot have.
     */
    double snap(int i, double coordinate) {
        if (Double.isNaN(coordinate)) {
            return coordinate;
        }
        if (isChoice(i)) {
            return Math.min(Math.max(Math.round(coordinate), 0), choiceCount(i) - 1);
        }
        if (isInteger(i)) {
            return encode(i, decode(i, coordinate));
        }
        return clampUnit(coordinate);
    }

    /** For an integer kind, the interval [a, b] of coordinates that round to the same integer as {@code coordinate}. */
    void integerCell(int i, double coordinate, double[] out) {
        long v = (Long) decode(i, coordinate);
        SearchParameter p = params[i];
        out[0] = clampUnit(unit(i, internal(p, v - 0.5)));
        out[1] = clampUnit(unit(i, internal(p, v + 0.5)));
    }

    /** Row of coordinates for a trial's parameters; NaN for absent or inactive ones. */
    double[] encode(Map<String, Object> values) {
        double[] row = new double[params.length];
        for (int i = 0; i < params.length; i++) {
            row[i] = encode(i, values.get(params[i].path()));
        }
        deactivate(row);
        return row;
    }

    /** The active parameters of a row, in space order (inactive ones absent). */
    Map<String, Object> decode(double[] row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) {
            if (isActive(i, row) && !Double.isNaN(row[i])) {
                out.put(params[i].path(), decode(i, row[i]));
            }
        }
        return out;
    }

    /** Whether parameter {@code i} is switched on by the (already decided) coordinates before it. */
    boolean isActive(int i, double[] row) {
        int at = parent[i];
        if (at < 0) {
            return true;
        }
        if (!isActive(at, row) || Double.isNaN(row[at])) {
            return false;
        }
        if (activeForChoice[i] != null) {
            return activeForChoice[i][(int) Math.round(row[at])];
        }
        String text = String.valueOf(decode(at, row[at]));
        return params[i].parentValues().stream().anyMatch(v -> String.valueOf(v).equals(text));
    }

    /** Sets the coordinates of inactive parameters to NaN. */
    void deactivate(double[] row) {
        for (int i = 0; i < params.length; i++) {
            if (!isActive(i, row)) {
                row[i] = Double.NaN;
            }
        }
    }

    /** A uniform coordinate for parameter {@code i}. */
    double uniform(int i, RandomGenerator rng) {
        return isChoice(i) ? rng.nextInt(choiceCount(i)) : snap(i, rng.nextDouble());
    }

    /** A uniform random row: every active parameter drawn uniformly in its coordinate. */
    double[] sample(RandomGenerator rng) {
        double[] row = new double[params.length];
        Arrays.fill(row, Double.NaN);
        for (int i = 0; i < params.length; i++) {
            if (isActive(i, row)) {
                row[i] = uniform(i, rng);
            }
        }
        return row;
    }

    /**
     * After a row was edited (crossover, mutation, perturbation): drops parameters a changed parent
     * switched off, and draws uniformly those it switched on that have no coordinate yet.
     */
    void repair(double[] row, RandomGenerator rng) {
        for (int i = 0; i < params.length; i++) {
            if (!isActive(i, row)) {
                row[i] = Double.NaN;
            } else if (Double.isNaN(row[i])) {
                row[i] = uniform(i, rng);
            } else {
                row[i] = snap(i, row[i]);
            }
        }
    }

    /** A canonical key of a row, equal for rows that decode to the same trial. */
    String key(double[] row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < params.length; i++) {
            if (Double.isNaN(row[i])) {
                key.append('-');
            } else if (isChoice(i)) {
                key.append(Math.round(row[i]));
            } else if (isInteger(i)) {
                key.append(decode(i, row[i]));
            } else {
                key.append(Math.round(row[i] * 1e12));
            }
            key.append('|');
        }
        return key.toString();
    }

    private static double clampUnit(double u) {
        return Math.min(Math.max(u, 0.0), 1.0);
    }
}
