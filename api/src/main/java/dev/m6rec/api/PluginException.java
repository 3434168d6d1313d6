package dev.m6rec.api;

/**
 * A plugin that cannot be loaded: a jar without a Plugin service entry, duplicate names,
 * a factory whose name is not kebab-case.
 *
 * <pre>{@code
 * throw new PluginException("plugins/foo.jar: no META-INF/services/dev.m6rec.api.Plugin entry");
 * }</pre>
 */
public class PluginException extends M6RecException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
