package dev.m6rec.api;

import java.util.Objects;

/**
 * What a component learned, set by {@code fit} or {@code load} and read by everything else: the one
 * "used before fit" guard, so every component fails the same way when a host calls it too early.
 *
 * <pre>{@code
 * private final FittedState<Weights> fitted = new FittedState<>(context.componentPath(), "ease");
 * fitted.set(new Weights(...));          // at the end of fit and of load
 * Weights w = fitted.get();               // IllegalStateException "interest (ease): used before fit or load"
 * }</pre>
 *
 * @param <T> the learned state, immutable once set
 */
public final class FittedState<T> {
    private final String owner;
    private volatile T value;

    /**
     * @param path the component's config path ({@link PluginContext#componentPath()})
     * @param type the component's registered name
     */
    public FittedState(String path, String type) {
        this.owner = Objects.requireNonNull(path, "path is null") + " (" + Objects.requireNonNull(type, "type is null") + ")";
    }

    /** Publishes the learned state (replacing any earlier one). */
    public void set(T state) {
        this.value = Objects.requireNonNull(state, "state is null");
    }

    /** The learned state; throws {@link IllegalStateException} before {@code fit} or {@code load}. */
    public T get() {
        T v = value;
        if (v == null) {
            throw new IllegalStateException(owner + ": used before fit or load");
        }
        return v;
    }

    /** Whether {@code fit} or {@code load} has run. */
    public boolean isSet() {
        return value != null;
    }
}
