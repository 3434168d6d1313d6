package dev.m6rec.api.optimize;

/** The kinds of search dimension: {@code float}, {@code log-float}, {@code int}, {@code log-int}, {@code choice}. */
public enum ParameterKind {
    FLOAT("float"),
    LOG_FLOAT("log-float"),
    INT("int"),
    LOG_INT("log-int"),
    CHOICE("choice");

    private final String yamlName;

    ParameterKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The key used in {@code optimizer.space}, e.g. {@code log-float}. */
    public String yamlName() {
        return yamlName;
    }

    public boolean isLog() {
        return this == LOG_FLOAT || this == LOG_INT;
    }

    public boolean isInteger() {
        return this == INT || this == LOG_INT;
    }
}
