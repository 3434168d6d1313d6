package dev.m6rec.examples.host;

import dev.m6rec.api.M6RecException;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.core.run.RunResult;
import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A host application that embeds M6-Rec: it trains a pipeline from a YAML file (or loads a saved
 * artifact) through the {@link M6Rec} facade, then serves recommendations from its own code: a
 * little "shop" loop that shows a few users their list, lets each click the first item and shows
 * how the list reacts, and, if asked, its own HTTP endpoint.
 *
 * <pre>
 * java -cp ... dev.m6rec.examples.host.EmbeddingHost --config examples/quickstart.yaml --save runs/host/artifact
 * java -cp ... dev.m6rec.examples.host.EmbeddingHost --artifact runs/host/artifact --serve 8090
 * </pre>
 */
public final class EmbeddingHost {
    private EmbeddingHost() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the host; returns its exit code (0 done, 2 a user error, as the CLI does). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        HostOptions options;
        try {
            options = HostOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(HostOptions.USAGE);
            return 2;
        }
        try (M6Rec rec = open(options, out)) {
            for (String user : options.users()) {
                shopLoop(rec, user, options.k(), out);
            }
            if (options.servePort() != null) {
                try (HostEndpoint endpoint = HostEndpoint.start(rec, options.servePort())) {
                    out.println("listening on " + endpoint.url() + "/for-you?user=U (close standard input to stop)");
                    out.flush();
                    waitForEndOfInput();
                }
            }
            return 0;
        } catch (M6RecException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static M6Rec open(HostOptions options, PrintStream out) {
        if (options.artifact() != null) {
            M6Rec rec = M6Rec.load(options.artifact(), List.of());
            out.println("loaded " + rec.version());
            return rec;
        }
        M6Rec rec = M6Rec.fromConfig(options.config(), options.overrides());
        RunResult result = rec.train();
        out.printf("trained %s: test ndcg@10 %.4f%n", options.config(), result.test().getOrDefault("ndcg@10", Double.NaN));
        if (options.save() != null) {
            rec.save(options.save());
            out.println("saved " + options.save());
        }
        return rec;
    }

    /** Shows a user their list, records a click on its first item, and shows the list again. */
    static void shopLoop(M6Rec rec, String user, int k, PrintStream out) {
        List<Recommendation> before = rec.knowsUser(user) ? rec.recommend(user, k, null)
                : rec.recommend(Attributes.none(), k);
        out.println(user + " sees:    " + ids(before));
        if (before.isEmpty()) {
            return;
        }
        String clicked = before.get(0).item();
        rec.record(Event.click(user, clicked, System.currentTimeMillis() / 1000));
        out.println(user + " clicks:  " + clicked);
        out.println(user + " now sees: " + ids(rec.recommend(user, k, null)));
    }

    private static String ids(List<Recommendation> list) {
        return list.stream().map(Recommendation::item).collect(Collectors.joining(" "));
    }

    private static void waitForEndOfInput() {
        try {
            while (System.in.read() >= 0) {
                // keep serving until the input closes
            }
        } catch (IOException e) {
            // the input went away: stop serving
        }
    }

    /** The host's command line. */
    record HostOptions(Path config, List<String> overrides, Path artifact, Path save, List<String> users, int k,
                       Integer servePort) {
        static final String USAGE = "usage: EmbeddingHost (--config FILE [--set KEY=VALUE]... [--save DIR] | --artifact DIR)"
                + " [--users u1,u2] [-k K] [--serve PORT]";

        static HostOptions parse(String[] args) {
            Path config = null;
            Path artifact = null;
            Path save = null;
            List<String> overrides = new ArrayList<>();
            List<String> users = List.of("u1", "u2");
            int k = 5;
            Integer port = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--config" -> config = Path.of(value);
                    case "--set" -> overrides.add(value);
                    case "--artifact" -> artifact = Path.of(value);
                    case "--save" -> save = Path.of(value);
                    case "--users" -> users = List.of(value.split(","));
                    case "-k" -> k = Integer.parseInt(value);
                    case "--serve" -> port = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if ((config == null) == (artifact == null)) {
                throw new IllegalArgumentException("give exactly one of --config and --artifact");
            }
            return new HostOptions(config, List.copyOf(overrides), artifact, save, users, k, port);
        }
    }
}
