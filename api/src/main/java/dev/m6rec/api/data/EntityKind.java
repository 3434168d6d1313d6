package dev.m6rec.api.data;

/** Which side of the user-item matrix something describes. */
public enum EntityKind {
    USER,
    ITEM;

    /** Lower-case name as used in YAML ({@code features.user}) and messages. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
