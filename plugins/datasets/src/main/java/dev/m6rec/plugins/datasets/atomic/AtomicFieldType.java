package dev.m6rec.plugins.datasets.atomic;

/** The field types of RecBole atomic files, as written after the colon in a header. */
enum AtomicFieldType {
    /** One token: a categorical attribute. */
    TOKEN("token"),
    /** Space-separated tokens: tags. */
    TOKEN_SEQ("token_seq"),
    /** A number. */
    FLOAT("float"),
    /** Space-separated numbers: one numeric column per position (or skipped). */
    FLOAT_SEQ("float_seq");

    private final String label;

    AtomicFieldType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The type written as {@code label}, or {@code null}. */
    static AtomicFieldType of(String label) {
        for (AtomicFieldType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        return null;
    }
}
