package dev.m6rec.api.config;

/**
 * Where a factory reports what is wrong with a section across several parameters. Keys are relative
 * to the section ({@code ratios}, {@code loss.click}; "" for the section itself); core prefixes the
 * section's path, so the user reads {@code split.ratios: must sum to 1 (was 0.9)}.
 *
 * <pre>{@code
 * public void check(RatioSettings s, Problems problems) {
 *     if (Math.abs(sum(s.ratios()) - 1) > 1e-6) problems.add("ratios", "must sum to 1 (was " + sum(s.ratios()) + ")");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Problems {

    /** Records one problem at {@code key} (relative to the section); {@code message} does not repeat the key. */
    void add(String key, String message);
}
