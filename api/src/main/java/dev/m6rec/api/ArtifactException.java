package dev.m6rec.api;

/**
 * A stored pipeline that is missing, altered, truncated or of an unsupported format.
 *
 * <pre>{@code
 * throw new ArtifactException("runs/x/artifact/interest/params.f32: checksum mismatch");
 * }</pre>
 */
public class ArtifactException extends M6RecException {
    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
