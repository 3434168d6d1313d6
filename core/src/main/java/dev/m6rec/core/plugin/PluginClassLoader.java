package dev.m6rec.core.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Objects;

/**
 * The class loader of one plugin jar or folder. It sees the JDK, the {@code dev.m6rec.api}
 * packages of the host (so a plugin's factories are the host's interfaces), and its own jars;
 * nothing else of the host (Guice, Commons, core, other plugins) is visible, so a plugin can
 * bring its own versions of libraries the host also uses.
 */
final class PluginClassLoader extends URLClassLoader {
    /** The only host packages a plugin shares: the SPI and its sub-packages. */
    static final String SHARED_PREFIX = "dev.m6rec.api.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader apiLoader;

    /**
     * @param name      shown in stack traces, e.g. {@code plugin:my-plugin.jar}
     * @param urls      the plugin's jars and classes folders
     * @param apiLoader the loader that defined the host's {@code dev.m6rec.api} classes
     */
    PluginClassLoader(String name, URL[] urls, ClassLoader apiLoader) {
        // The parent is the platform loader: JDK classes come first and cannot be replaced by a plugin.
        super(name, urls, ClassLoader.getPlatformClassLoader());
        this.apiLoader = Objects.requireNonNull(apiLoader, "apiLoader is null");
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SHARED_PREFIX)) {
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
