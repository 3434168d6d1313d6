package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * The separator between the fields of a record: one or more bytes (tab, comma, {@code |},
 * {@code ::}) and how messages describe it ("expected 4 tab-separated fields").
 */
public final class Delimiter {
    public static final Delimiter TAB = new Delimiter("\t");
    public static final Delimiter COMMA = new Delimiter(",");
    public static final Delimiter PIPE = new Delimiter("|");
    public static final Delimiter DOUBLE_COLON = new Delimiter("::");
    public static final Delimiter SPACE = new Delimiter(" ");

    private final String text;
    private final byte[] bytes;

    private Delimiter(String text) {
        this.text = requireNonNull(text, "text is null");
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty delimiter");
        }
    }

    /**
     * A delimiter as written in config: the characters themselves, or {@code tab}, {@code \t}
     * (backslash t as two characters), {@code space}.
     *
     * @throws IllegalArgumentException when empty
     */
    public static Delimiter parse(String config) {
        requireNonNull(config, "config is null");
        switch (config) {
            case "tab":
            case "\\t":
                return TAB;
            case "space":
                return SPACE;
            default:
                return new Delimiter(config);
        }
    }

    /** The delimiter's characters. */
    public String text() {
        return text;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    byte[] rawBytes() {
        return bytes;
    }

    public boolean isSingleByte() {
        return bytes.length == 1;
    }

    /** "tab-separated", "comma-separated", "'::'-separated". */
    public String describe() {
        switch (text) {
            case "\t":
                return "tab-separated";
            case ",":
                return "comma-separated";
            case " ":
                return "space-separated";
            default:
                return "'" + text + "'-separated";
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
