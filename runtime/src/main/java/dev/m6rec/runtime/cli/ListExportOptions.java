package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import dev.m6rec.core.output.StagedFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** List length, output file, threads and header line of {@code recommend} and {@code similar}. */
final class ListExportOptions {
    @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "10", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the TSV here instead of standard output.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for a full export (default: one per core).")
    Integer threads;

    @Option(names = "--header", description = "Start the TSV with a line naming its columns.")
    boolean header;

    int k() {
        if (k < 1) {
            throw new M6RecException("-k must be >= 1 (was " + k + ")");
        }
        return k;
    }

    /** Refuses, before any work, an {@code --output} that is a folder, device, pipe or link. */
    void checkOutput() {
        if (output != null) {
            StagedFiles.checkWritable(output);
        }
    }

    int threads() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new M6RecException("--threads must be >= 1 (was " + n + ")");
        }
        return n;
    }
}
