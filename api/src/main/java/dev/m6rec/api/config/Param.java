package dev.m6rec.api.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of a component: a component of its settings record. The YAML key is the
 * component's name in kebab-case ({@code learningRate} is {@code learning-rate}); the value type
 * follows the Java type (see {@link ConfigSchema#of}). Core checks every given value against these
 * declarations before anything runs, so a settings record in hand is always within bounds.
 *
 * <pre>{@code
 * public record BprSettings(
 *         @Param(value = "latent factors per user and item", def = "64", min = 1) int factors,
 *         @Param(value = "SGD step size", def = "0.05", above = 0) double learningRate,
 *         @Param(value = "what similarity is computed over", def = "interactions") Source source) {
 * }
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** Marks {@link #def()} as not given. */
    String NONE = "\u0000none";

    /** One line saying what the parameter means, shown by the config reference and in "required" errors. */
    String value();

    /**
     * The default, written as in YAML ({@code "64"}, {@code "0.05"}, {@code "[128, 64]"},
     * {@code "relu"}). Without one, a parameter of a primitive type is required; any other type is
     * optional and binds to {@code null} (an empty list for lists) when not given.
     */
    String def() default NONE;

    /** A value must be given even though the type could be left out. */
    boolean required() default false;

    /** Inclusive lower bound (applied to every element of a list). */
    double min() default Double.NaN;

    /** Inclusive upper bound. */
    double max() default Double.NaN;

    /** Exclusive lower bound: values must be greater. */
    double above() default Double.NaN;

    /** Exclusive upper bound: values must be smaller. */
    double below() default Double.NaN;

    /** The allowed strings (enums list their constants themselves). */
    String[] oneOf() default {};

    /** The YAML key, when it cannot be derived from the component's name. */
    String key() default "";
}
