package dev.m6rec.spark;

import dev.m6rec.runtime.M6Rec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipelines an executor JVM has loaded, one per broadcast artifact: the first task that needs
 * one rebuilds the folder and loads it through {@link M6Rec#load}; every later task of the JVM
 * reuses it, whatever job it belongs to. Loaded pipelines live as long as the executor; the
 * folder does not outlive the load.
 */
final class ExecutorPipelines {
    private static final Map<String, M6Rec> LOADED = new ConcurrentHashMap<>();

    private ExecutorPipelines() {
    }

    static M6Rec of(ArtifactBytes artifact) {
        return LOADED.computeIfAbsent(artifact.tag(), tag -> loadFromTemporaryFolder(artifact));
    }

    /**
     * The loader reads every file into memory and an executor never reloads, so the folder it
     * read is removed at once: otherwise each run left a copy of its artifact in the temporary
     * directory of every executor (and of the driver in local mode).
     */
    private static M6Rec loadFromTemporaryFolder(ArtifactBytes artifact) {
        Path folder = artifact.materialize();
        try {
            return M6Rec.load(folder, List.of());
        } finally {
            ArtifactBytes.deleteTree(folder);
        }
    }

    /**
     * Forgets and closes this JVM's copy of {@code artifact}, if it loaded one. The driver calls it
     * when a job that shipped the artifact ends: in local mode the executors are the driver's own
     * JVM, which would otherwise keep one pipeline per run for as long as it lives.
     */
    static void release(ArtifactBytes artifact) {
        M6Rec loaded = LOADED.remove(artifact.tag());
        if (loaded != null) {
            loaded.close();
        }
    }

    /** How many distinct artifacts this JVM has loaded (tests check that loading happens once). */
    static int loadedCount() {
        return LOADED.size();
    }
}
