package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.m6rec.api.ConfigException;
import dev.m6rec.core.testing.ByteMutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the config parser: random bytes and mutations of a valid config either load or
 * fail with a ConfigException (exit 2 at the CLI), never another exception and never a hang.
 */
class ConfigParserFuzzTest {
    private static final int CASES = 300;
    private static final String VALID = """
            seed: 42
            data: { type: csv, path: data/r.csv, columns: { user: u, item: i } }
            split: &split { type: ratio, ratios: [0.8, 0.1, 0.1] }
            interest:
              type: mlp
              hidden: [64, 32]
              loss: { click: 0.5, rating: 0.5 }
            again: *split
            evaluation: { metrics: [hr@10, ndcg@10] }
            name: "quoted \\u00e9 text"
            """;
    private static final String[] TOKENS = {"&a ", "*a", "[", "]", "{", "}", ": ", "- ", "\n  ", "!!str ", "? ", "|",
        "\"", "'", "#", "%YAML 1.1\n", "---\n", "\u0000", "\t", "${env:X}", "<<: *split\n", "&l [*l, *l]"};

    private final ConfigLoader loader = new ConfigLoader(name -> null, name -> null);

    @TempDir
    Path dir;

    @Test
    void everyInputLoadsOrIsAConfigException() {
        ByteMutations inputs = new ByteMutations(20240612L, TOKENS);
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int c = 0; c < CASES; c++) {
                byte[] input = c % 3 == 0 ? inputs.randomBytes(400) : inputs.mutate(VALID.getBytes(StandardCharsets.UTF_8));
                outcomes[outcome(input, c)]++;
            }
        });
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(CASES);
        assertThat(outcomes[1]).as("refused").isPositive();
    }

    /** 0 when it loads, 1 when it is refused as a config problem; anything else fails the test. */
    private int outcome(byte[] input, int c) throws IOException {
        Path file = Files.write(dir.resolve("case-" + c + ".yaml"), input);
        try {
            loader.read(file, c % 7 == 0 ? List.of("interest.hidden[0]=" + new String(input, 0,
                    Math.min(input.length, 12), StandardCharsets.ISO_8859_1).replace('\0', ' ')) : List.of());
            return 0;
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
            return 1;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError("case " + c + " threw " + e + " for input:\n"
                    + new String(input, StandardCharsets.ISO_8859_1), e);
        }
    }
}
