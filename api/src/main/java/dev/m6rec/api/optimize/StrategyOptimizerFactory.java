package dev.m6rec.api.optimize;

import dev.m6rec.api.ComponentFactory;

/** Makes {@link StrategyOptimizer}s; {@code name()} is what {@code optimizer.type} selects. */
public interface StrategyOptimizerFactory<S extends Record> extends ComponentFactory<S, StrategyOptimizer> {
}
