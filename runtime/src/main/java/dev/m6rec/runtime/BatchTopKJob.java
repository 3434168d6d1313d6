package dev.m6rec.runtime;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every user's top-K of a trained artifact, written as files by a distributed engine: the job behind
 * {@code m6rec batch-topk}. The runtime has no engine of its own; the {@code m6rec-spark} module
 * provides one through {@code META-INF/services}, found only when Spark is on the class path.
 *
 * <pre>{@code
 * BatchTopKJob job = ServiceLoader.load(BatchTopKJob.class).findFirst().orElseThrow();
 * BatchTopKJob.Summary s = job.run(new BatchTopKJob.Request(artifact, out, 10,
 *         Set.of(BatchTopKJob.Format.PARQUET), Optional.of("local[2]"), Map.of()));
 * }</pre>
 */
public interface BatchTopKJob {
    /** The file formats of the lists; each is written to its own folder under the output. */
    enum Format {
        PARQUET, TSV;

        /** The folder of this format under the output folder. */
        public String folder() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param artifact a verified artifact folder
     * @param output   the folder that receives one sub-folder per format (none of which exists yet)
     * @param master   the master to connect to unless the launcher (spark-submit) already set one
     * @param conf     engine configuration entries, applied over M6-Rec's defaults
     */
    record Request(Path artifact, Path output, int k, Set<Format> formats, Optional<String> master,
                   Map<String, String> conf) {
        public Request {
            Objects.requireNonNull(artifact, "artifact is null");
            Objects.requireNonNull(output, "output is null");
            if (k < 1 || formats.isEmpty()) {
                throw new IllegalArgumentException("k must be >= 1 and formats not empty: " + k + ", " + formats);
            }
            formats = Collections.unmodifiableSet(EnumSet.copyOf(formats)); // in Format order
            Objects.requireNonNull(master, "master is null");
            conf = Map.copyOf(new TreeMap<>(conf));
        }
    }

    /** Users listed, rows per format, and the folders written. */
    record Summary(long users, long rows, List<Path> folders) {
        public Summary {
            folders = List.copyOf(folders);
        }
    }

    Summary run(Request request);
}
