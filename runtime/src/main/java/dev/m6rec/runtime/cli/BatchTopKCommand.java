package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import dev.m6rec.core.artifact.ArtifactStore;
import dev.m6rec.core.config.SparkMasterUrl;
import dev.m6rec.runtime.BatchTopKJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec batch-topk --artifact DIR --output DIR|URI}: every user's top-K of a trained artifact as a
 * Spark job ({@link BatchTopKJob}, from the {@code m6rec-spark} module), written as Parquet and/or TSV
 * folders of {@code user, item, score, rank}. Everything a user can get wrong (the master, the artifact,
 * the output folder) is checked here, before Spark starts.
 */
@Command(name = "batch-topk", mixinStandardHelpOptions = true,
        description = {"Write every user's top-K of a trained artifact as a Spark job (Parquet and/or TSV).",
                "Columns: user, item, score, rank (external ids, rank from 1); one folder per format under --output."})
final class BatchTopKCommand implements Callable<Integer> {
    static final String NO_ENGINE = "batch-topk runs on Spark, which is not on the class path; run it with ./m6rec "
            + "(which adds Spark for this command) or through spark-submit with spark/target/m6rec-spark.jar";

    @ParentCommand
    M6RecCommand parent;

    @Option(names = "--artifact", paramLabel = "DIR", required = true,
            description = "A trained artifact folder, e.g. runs/quickstart/artifact (written by m6rec run).")
    Path artifact;

    @Option(names = "--output", paramLabel = "DIR|URI", required = true,
            description = {"Receives parquet/ and/or tsv/; neither may exist yet. A local folder, or a URI of a Hadoop "
                    + "file system: file:///data/top10, hdfs://namenode/recs/top10."})
    String output;

    @Option(names = {"-k", "--k"}, paramLabel = "K", defaultValue = "10", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "parquet,tsv",
            description = "parquet, tsv or both, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "local[*], local[N], spark://HOST:PORT, yarn or k8s://URL (default: local[*]; spark-submit's wins).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark configuration entry (spark.*). Repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() {
        OutputLocation location = OutputLocation.parse(output);
        BatchTopKJob.Request request = new BatchTopKJob.Request(artifact, location.uri(), k(), formats(), master(),
                conf());
        ArtifactStore.open(artifact); // verifies every checksum: a broken artifact fails before Spark starts
        location.local().ifPresent(folder -> checkOutput(folder, request.formats()));
        BatchTopKJob job = engine();
        if (location.local().isPresent()) {
            createOutput(location.local().get());
        } else {
            // Any other file system through the engine's Hadoop client, which needs no running Spark.
            try {
                job.checkOutput(location.uri(), request.formats(), request.conf());
            } catch (M6RecException e) {
                throw new M6RecException("--output: " + e.getMessage(), e);
            }
        }
        BatchTopKJob.Summary summary = job.run(request);
        parent.out().println("wrote " + summary.rows() + " rows (" + summary.users() + " users, top " + k + ") to "
                + String.join(" and ", summary.folders().stream().map(location::display).toList()));
        return ExitCodes.OK;
    }

    private int k() {
        if (k < 1) {
            throw new M6RecException("-k must be >= 1 (was " + k + ")");
        }
        return k;
    }

    private Set<BatchTopKJob.Format> formats() {
        Set<BatchTopKJob.Format> chosen = EnumSet.noneOf(BatchTopKJob.Format.class);
        for (String name : formats) {
            try {
                chosen.add(BatchTopKJob.Format.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new M6RecException("--format: unknown format '" + name + "'; expected parquet, tsv or both");
            }
        }
        if (chosen.isEmpty()) {
            throw new M6RecException("--format: expected parquet, tsv or both");
        }
        return chosen;
    }

    private Optional<String> master() {
        if (master != null && !SparkMasterUrl.isKnown(master)) {
            throw new M6RecException("--master: " + SparkMasterUrl.unknown(master));
        }
        return Optional.ofNullable(master);
    }

    private Map<String, String> conf() {
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new M6RecException("--conf " + key + ": Spark configuration keys start with 'spark.'");
            }
        }
        return conf;
    }

    /** Spark refuses to write into an existing folder after the job ran; say so before it starts. */
    private static void checkOutput(Path output, Set<BatchTopKJob.Format> chosen) {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new M6RecException("--output: " + output + " exists and is not a folder");
        }
        for (BatchTopKJob.Format format : chosen) {
            Path folder = output.resolve(format.folder());
            if (Files.exists(folder)) {
                throw new M6RecException("--output: " + folder + " already exists; remove it or choose another folder");
            }
        }
    }

    private static void createOutput(Path output) {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new M6RecException("--output: cannot create " + output + " (" + e + ")");
        }
        if (!Files.isWritable(output)) {
            throw new M6RecException("--output: " + output + " is not writable");
        }
    }

    private static BatchTopKJob engine() {
        try {
            return ServiceLoader.load(BatchTopKJob.class, BatchTopKCommand.class.getClassLoader()).findFirst()
                    .orElseThrow(() -> new M6RecException(NO_ENGINE));
        } catch (ServiceConfigurationError | NoClassDefFoundError e) {
            // The m6rec-spark jar without Spark beside it.
            throw new M6RecException(NO_ENGINE);
        }
    }
}
