package dev.m6rec.runtime;

import java.net.URI;
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
 * URI out = URI.create("hdfs://namenode/recs/2026-12-07");   // or a local Path
 * job.checkOutput(out, Set.of(BatchTopKJob.Format.PARQUET), Map.of());
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

        /** The folder of this format under {@code output}, written as the output is (with or without a final slash). */
        public URI under(URI output) {
            String base = output.toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + folder());
        }
    }

    /**
     * @param artifact a verified artifact folder
     * @param output   the folder that receives one sub-folder per format (none of which exists yet): an
     *                 absolute URI of any file system the engine can write ({@code file:///...},
     *                 {@code hdfs://namenode/...}); a local folder is its {@code file:} URI
     * @param master   the master to connect to unless the launcher (spark-submit) already set one
     * @param conf     engine configuration entries, applied over M6-Rec's defaults
     */
    record Request(Path artifact, URI output, int k, Set<Format> formats, Optional<String> master,
                   Map<String, String> conf) {
        public Request {
            Objects.requireNonNull(artifact, "artifact is null");
            Objects.requireNonNull(output, "output is null");
            if (!output.isAbsolute() || output.isOpaque() || output.getRawQuery() != null
                    || output.getRawFragment() != null) {
                throw new IllegalArgumentException("output must be an absolute hierarchical URI without query or "
                        + "fragment: " + output);
            }
            if (k < 1 || formats.isEmpty()) {
                throw new IllegalArgumentException("k must be >= 1 and formats not empty: " + k + ", " + formats);
            }
            formats = Collections.unmodifiableSet(EnumSet.copyOf(formats)); // in Format order
            Objects.requireNonNull(master, "master is null");
            conf = Map.copyOf(new TreeMap<>(conf));
        }

        /** A local output folder, as its {@code file:} URI. */
        public Request(Path artifact, Path output, int k, Set<Format> formats, Optional<String> master,
                       Map<String, String> conf) {
            this(artifact, output.toAbsolutePath().normalize().toUri(), k, formats, master, conf);
        }
    }

    /** Users listed, rows per format, and the folders written. */
    record Summary(long users, long rows, List<URI> folders) {
        public Summary {
            folders = List.copyOf(folders);
        }
    }

    /**
     * Checks, through the engine's own file system for the URI's scheme and without starting the
     * engine, that {@code output} can receive {@code formats}: the scheme has a file system, the
     * output is not a file, and no format's folder exists. {@code conf} is the request's engine
     * configuration (file-system settings among it). A failed check is an
     * {@link dev.m6rec.api.M6RecException} whose message starts with the URI.
     */
    void checkOutput(URI output, Set<Format> formats, Map<String, String> conf);

    Summary run(Request request);
}
