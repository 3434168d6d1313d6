package dev.m6rec.api.config;

/** The value types a component parameter can declare. */
public enum ParamType {
    INT("an integer"),
    LONG("an integer"),
    FLOAT("a number"),
    BOOLEAN("true or false"),
    STRING("a string"),
    INT_LIST("a list of integers"),
    FLOAT_LIST("a list of numbers"),
    STRING_LIST("a list of strings"),
    /** A file or folder, given relative to the config file's folder (or absolute); bound resolved. */
    PATH("a path"),
    /** A free-form mapping the component checks itself. */
    MAP("a mapping"),
    /** A non-empty list of interest model sections, each bound by core like {@code interest:} ({@link InterestModelSection}). */
    INTEREST_MODELS("a list of interest model sections");

    private final String expectation;

    ParamType(String expectation) {
        this.expectation = expectation;
    }

    /** How validation messages describe this type: "expected an integer (was 'ten')". */
    public String expectation() {
        return expectation;
    }

    public boolean isList() {
        return this == INT_LIST || this == FLOAT_LIST || this == STRING_LIST;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == INT_LIST || this == FLOAT_LIST;
    }
}
