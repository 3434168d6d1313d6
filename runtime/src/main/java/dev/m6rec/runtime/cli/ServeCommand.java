package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.kafka.KafkaEventSource;
import dev.m6rec.runtime.kafka.KafkaSourceSettings;
import dev.m6rec.runtime.server.RecommendationServer;
import dev.m6rec.runtime.server.ServerSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec serve --artifact DIR --port P}: JSON over HTTP until SIGTERM or Ctrl-C, then a
 * graceful stop (no new connections, requests in flight finish) and exit 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a trained artifact as JSON over HTTP/1.1 (loopback by default).",
                "Endpoints:",
                "  GET /v1/recommend?user=U&k=K, POST /v1/recommend {\"attributes\": {...}},",
                "  GET /v1/similar?item=I&k=K, GET /v1/explain?user=U&item=I, POST /v1/events,",
                "  POST /admin/reload (needs the admin token), GET /health, GET /metrics.",
                "SIGTERM stops it gracefully: requests in flight finish, exit 0."})
final class ServeCommand implements Callable<Integer> {
    /** The environment variable that may hold the admin token instead of a file. */
    static final String ADMIN_TOKEN_ENV = "M6REC_ADMIN_TOKEN";

    @ParentCommand
    M6RecCommand parent;

    @Mixin
    ArtifactOptions artifact;

    @Mixin
    EventOptions events;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; only /admin/* is authenticated).")
    String host;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = {"File holding the token that /admin/* requests must send as 'Authorization: Bearer <token>'",
                "(or set " + ADMIN_TOKEN_ENV + "). Without either, /admin/* is off."})
    Path adminTokenFile;

    @Option(names = "--reload-root", paramLabel = "DIR",
            description = "A folder /admin/reload may load artifacts from; repeatable (default: the folder that holds --artifact).")
    List<Path> reloadRoots = new ArrayList<>();

    @Option(names = "--strict", description = "Unknown users get 404 instead of cold-start recommendations.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core, at least 2).")
    Integer threads;

    @Option(names = "--cache-size", paramLabel = "N", defaultValue = "100000",
            description = "Per-user result lists kept between requests; 0 turns the cache off (default: ${DEFAULT-VALUE}).")
    int cacheSize;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a stop waits for requests in flight (default: ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new M6RecException("--port must be between 0 and 65535 (was " + port + ")");
        }
        if (cacheSize < 0) {
            throw new M6RecException("--cache-size must be >= 0 (was " + cacheSize + ")");
        }
        int workers = threads != null ? threads : Math.max(2, Runtime.getRuntime().availableProcessors());
        if (workers < 1) {
            throw new M6RecException("--threads must be >= 1 (was " + workers + ")");
        }
        String adminToken = adminToken();
        KafkaSourceSettings kafkaSource = kafka.settings(events.log != null);
        ConsoleProgress progress = new ConsoleProgress(parent.err());
        M6Rec rec = artifact.load(events.settings(), progress);
        rec.setCacheLimit(cacheSize);
        RecommendationServer server;
        try {
            ServerSettings settings = new ServerSettings(host, port, workers, strict,
                    artifact.artifact.toAbsolutePath().normalize());
            if (adminToken != null) {
                settings = settings.withAdmin(adminToken, reloadRoots);
            }
            server = RecommendationServer.start(rec, settings);
        } catch (UncheckedIOException e) {
            rec.close();
            throw new M6RecException(e.getMessage(), e);
        }
        KafkaEventSource source;
        try {
            source = kafkaSource == null ? null : KafkaEventSource.start(rec, kafkaSource, progress);
        } catch (KafkaException e) {
            // A bootstrap list that does not resolve, say: the user's to fix.
            server.stop(Duration.ZERO);
            rec.close();
            throw new M6RecException("--kafka-bootstrap " + kafkaSource.bootstrapServers() + ": " + e.getMessage(), e);
        }
        PrintStream out = parent.out();
        InetSocketAddress bound = server.address();
        out.printf("m6rec serving %s on http://%s:%d (%d workers%s%s%s%s)%n", rec.version(), host, bound.getPort(),
                workers, strict ? ", strict" : "", adminToken == null ? "" : ", admin on",
                events.log == null ? "" : ", events log " + events.log.toAbsolutePath().normalize(),
                source == null ? "" : ", events from kafka topic " + kafkaSource.topic());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (source != null) {
                // First: the batch in hand is recorded and committed before the log closes.
                source.close();
            }
            boolean drained = server.stop(Duration.ofSeconds(graceSeconds));
            if (server.aRequestCalledExit()) {
                // A plugin called System.exit while answering; the JVM then exits with its status.
                out.println("m6rec serve: stopped: a request called System.exit (a plugin?)");
                out.flush();
                return;
            }
            rec.close();
            out.println(drained ? "m6rec serve: stopped" : "m6rec serve: stopped; some requests did not finish in time");
            out.flush();
            // A JVM ended by a signal exits 128+signal after its hooks; a graceful stop is a success.
            Runtime.getRuntime().halt(drained ? ExitCodes.OK : ExitCodes.BUG);
        }, "m6rec-serve-shutdown"));
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** The admin token from --admin-token-file or the environment, or null (admin off). */
    private String adminToken() {
        String token;
        if (adminTokenFile != null) {
            try {
                token = Files.readString(adminTokenFile).strip();
            } catch (MalformedInputException e) {
                throw new M6RecException(adminTokenFile.toAbsolutePath() + ": the admin token is not UTF-8 text");
            } catch (IOException e) {
                throw new M6RecException(adminTokenFile.toAbsolutePath() + ": cannot read the admin token (" + e + ")");
            }
            if (token.isEmpty()) {
                throw new M6RecException(adminTokenFile.toAbsolutePath() + ": the admin token file is empty");
            }
            return token;
        }
        token = System.getenv(ADMIN_TOKEN_ENV);
        if (token == null || token.isBlank()) {
            if (!reloadRoots.isEmpty()) {
                throw new M6RecException("--reload-root needs an admin token (--admin-token-file or " + ADMIN_TOKEN_ENV + ")");
            }
            return null;
        }
        return token.strip();
    }
}
