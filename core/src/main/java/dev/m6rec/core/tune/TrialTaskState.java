package dev.m6rec.core.tune;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the trials running in one JVM away from their study share (e.g. the tasks of one Spark
 * executor): the plugin registry, found once per set of plugin folders, and the study's shared
 * split, loaded once per study instead of once per trial. One entry each: an executor runs the
 * trials of one study at a time, and a new study replaces the last one's split.
 */
final class TrialTaskState {
    private static List<Path> registryDirs;
    private static PluginRegistry registry;
    private static String splitKey;
    private static DataSplit split;

    private TrialTaskState() {
    }

    static synchronized PluginRegistry registry(List<Path> pluginDirs) {
        if (registry == null || !registryDirs.equals(pluginDirs)) {
            registry = PluginRegistry.discover(TrialTaskState.class.getClassLoader(), pluginDirs);
            registryDirs = List.copyOf(pluginDirs);
        }
        return registry;
    }

    /** The split of the study {@code key} names, loaded by {@code load} if this JVM has not loaded it yet. */
    static synchronized DataSplit sharedSplit(String key, Supplier<DataSplit> load) {
        if (split == null || !splitKey.equals(key)) {
            split = null; // let the last study's split go before loading the next
            split = load.get();
            splitKey = key;
        }
        return split;
    }
}
