package dev.m6rec.api;

/**
 * A user or item id that the trained pipeline does not know.
 *
 * <pre>{@code
 * throw new UnknownEntityException("item", "i-999");   // -> "unknown item 'i-999'"
 * }</pre>
 */
public class UnknownEntityException extends M6RecException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public UnknownEntityException(String kind, String id) {
        super("unknown " + kind + " '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
