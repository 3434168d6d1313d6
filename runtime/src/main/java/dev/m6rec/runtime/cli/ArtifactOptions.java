package dev.m6rec.runtime.cli;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.runtime.EventSettings;
import dev.m6rec.runtime.M6Rec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the verbs that serve a trained artifact: where it is and extra plugin directories. */
final class ArtifactOptions {
    @Option(names = "--artifact", paramLabel = "DIR", required = true,
            description = "A trained artifact folder, e.g. runs/quickstart/artifact (written by m6rec run).")
    Path artifact;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A directory of plugin jars/folders to load besides the classpath. Repeatable.")
    List<Path> pluginDirs = new ArrayList<>();

    /** Loads and verifies the artifact (a corrupt or missing one is a user error, exit 2). */
    M6Rec load() {
        return M6Rec.load(artifact, pluginDirs);
    }

    /** As {@link #load()}, keeping recorded events as {@code events} says; warnings go to {@code progress}. */
    M6Rec load(EventSettings events, ProgressReporter progress) {
        return M6Rec.load(artifact, pluginDirs, events, progress);
    }
}
