package dev.m6rec.core.plugin;

import dev.m6rec.api.M6RecException;
import dev.m6rec.api.PluginException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Turns an unexpected exception thrown by a plugin loaded from a plugin directory into a
 * {@link PluginException} that names the plugin, where it came from and the stage
 * ({@code plugin 'x' (plugins/x.jar) failed in fit: <message>}): the fault is the plugin's, so the
 * CLI reports it as a user error (exit 2, the trace only with {@code --verbose}), not as an
 * M6-Rec bug. A component is attributed by its class loader, which each plugin unit has of its
 * own; code on the host's class path (the bundled plugins) is not attributed, so its exceptions
 * stay bugs. M6-Rec's own typed errors pass through unchanged.
 */
public final class PluginFaults {
    private static final Map<ClassLoader, PluginInfo> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private PluginFaults() {
    }

    /** Records that classes loaded by {@code loader} belong to {@code plugin}. */
    static void owns(ClassLoader loader, PluginInfo plugin) {
        OWNERS.putIfAbsent(loader, plugin);
    }

    /** Runs {@code call} on {@code component} (or its factory) during {@code stage}. */
    public static void run(Object component, String stage, Runnable call) {
        call(component, stage, () -> {
            call.run();
            return null;
        });
    }

    /** As {@link #run}, returning the call's result. */
    public static <T> T call(Object component, String stage, Supplier<T> call) {
        try {
            return call.get();
        } catch (M6RecException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            PluginInfo owner = OWNERS.get(component.getClass().getClassLoader());
            if (owner == null) {
                throw e;
            }
            String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
            throw new PluginException("plugin '" + owner.name() + "' (" + owner.source() + ") failed in " + stage + ": "
                    + message, e);
        }
    }
}
