package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code m6rec} prints about itself: the verbs without a command, and help that fits the terminal. */
class CliUsageTest {
    private static final List<String> VERBS = List.of("run", "tune", "config", "plugins", "serve", "recommend",
            "similar", "explain", "batch-topk");

    @Test
    void noCommandListsEveryRealCommand() {
        CliRunner result = CliRunner.run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err().lines().findFirst()).hasValue("error: missing command: one of " + String.join(", ", VERBS));
        for (String verb : VERBS) {
            assertThat(CliRunner.run(verb, "--help").exitCode()).as(verb).isZero();
        }
    }

    @Test
    void serveHelpIsWholeSentencesWithinEightyColumns() {
        CliRunner root = CliRunner.run("--help");
        String listing = root.out().replaceAll("\\s+", " ");
        assertThat(listing).contains("serve Serve a trained artifact as JSON over HTTP/1.1 (loopback by default). recommend ");

        CliRunner serve = CliRunner.run("serve", "--help");
        assertThat(serve.exitCode()).isZero();
        assertThat(serve.out().lines()).allMatch(line -> line.length() <= 80, "fits 80 columns")
                .contains("  GET /v1/recommend?user=U&k=K, POST /v1/recommend {\"attributes\": {...}},",
                        "  POST /admin/reload (needs the admin token), GET /health, GET /metrics.");
    }
}
