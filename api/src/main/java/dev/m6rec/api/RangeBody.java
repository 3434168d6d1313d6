package dev.m6rec.api;

/** The work of {@link PluginContext#parallelFor} on one chunk {@code [from, to)}. */
@FunctionalInterface
public interface RangeBody {
    void run(int from, int to);
}
