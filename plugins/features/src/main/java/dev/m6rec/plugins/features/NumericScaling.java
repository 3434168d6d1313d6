package dev.m6rec.plugins.features;

import java.util.Locale;

/**
 * How the {@code numeric} extractor scales a value: {@code (transform(x) - center) / scale}, with
 * {@code center} and {@code scale} learned from the training values. Public because it is the type
 * of {@link NumericFactory.Settings#scaling()}; YAML spells the constants in kebab-case.
 */
public enum NumericScaling {
    /** {@code (x - mean) / std}, population standard deviation. */
    STANDARD,
    /** {@code (x - min) / (max - min)}; new values outside the training range are not clipped. */
    MIN_MAX,
    /** The raw value. */
    NONE,
    /** {@code sign(x) * log1p(|x|)}, then standard; for counts and other heavy-tailed values. */
    LOG;

    /** The YAML spelling, e.g. {@code min-max}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static NumericScaling fromLabel(String label) {
        for (NumericScaling scaling : values()) {
            if (scaling.label().equals(label)) {
                return scaling;
            }
        }
        throw new IllegalArgumentException("unknown scaling '" + label + "'");
    }

    /** Applied before centring; only {@link #LOG} changes the value. */
    float transform(float x) {
        if (this != LOG) {
            return x;
        }
        return (float) (Math.signum(x) * Math.log1p(Math.abs(x)));
    }
}
