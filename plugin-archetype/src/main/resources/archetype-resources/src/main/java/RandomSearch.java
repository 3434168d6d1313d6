package ${package};

import dev.m6rec.api.optimize.Direction;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.api.optimize.StrategyOptimizer;
import dev.m6rec.api.optimize.Trial;
import dev.m6rec.api.optimize.TrialResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Random search: every trial is drawn independently, so results told back change nothing. A
 * smarter optimizer would keep what {@code tell} reports (also for trials it never issued, which
 * is how a study resumed from its journal replays finished trials). Conditional parameters are
 * drawn only when their parent took one of the values they depend on.
 */
public final class RandomSearch implements StrategyOptimizer {
    private final RandomGenerator random;
    private SearchSpace space;

    public RandomSearch(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random is null");
    }

    @Override
    public void start(SearchSpace space, Direction direction) {
        this.space = Objects.requireNonNull(space, "space is null");
    }

    @Override
    public synchronized Trial ask(int number) {
        if (space == null) {
            throw new IllegalStateException("ask before start");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (SearchParameter parameter : space.parameters()) {
            if (space.isActive(parameter, params)) {
                params.put(parameter.path(), draw(parameter));
            }
        }
        return new Trial(number, params);
    }

    private Object draw(SearchParameter p) {
        return switch (p.kind()) {
            case CHOICE -> p.choices().get(random.nextInt(p.choices().size()));
            case INT -> (long) Math.floor(p.low() + random.nextDouble() * (p.high() - p.low() + 1));
            case LOG_INT -> Math.min((long) p.high(), (long) Math.floor(logUniform(p.low(), p.high() + 1)));
            case LOG_FLOAT -> logUniform(p.low(), p.high());
            case FLOAT -> p.low() + random.nextDouble() * (p.high() - p.low());
        };
    }

    private double logUniform(double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }

    @Override
    public void tell(Trial trial, TrialResult result) {
        // Random search learns nothing from results.
    }
}
