package dev.m6rec.plugins.datasets.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.core.testing.ByteMutations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded fuzzing of every file loader: random bytes and mutations of a valid interaction file
 * either load (with finite ratings only) or fail with a DataException (exit 2 at the CLI), under
 * {@code on-error: fail} and {@code skip} alike; never another exception, never a hang.
 */
class LoaderFuzzTest {
    private static final int CASES = 300;
    private static final String[] TOKENS = {"\u0000", "\"", "\"\"", "\n", "\r\n", ",", "\t", "::", "|", "1e39", "1e309",
        "NaN", "-inf", "Infinity", "9999999999999999999999", "-", ".", "e", "\u00c3", "\u00ff"};

    @TempDir
    Path dir;

    static List<HostileDataFiles> loaders() {
        return HostileDataFiles.all();
    }

    @ParameterizedTest
    @MethodSource("loaders")
    void everyFileLoadsOrIsADataException(HostileDataFiles loader) {
        ByteMutations inputs = new ByteMutations(20240612L + loader.name().hashCode(), TOKENS);
        byte[] valid = loader.format().apply(HostileDataFiles.VALID_ROWS).getBytes(loader.charset());
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int c = 0; c < CASES; c++) {
                byte[] input = c % 4 == 0 ? inputs.randomBytes(300) : inputs.mutate(valid);
                loader.writeBytes(dir, input);
                outcomes[outcome(loader, input, c)]++;
            }
        });
        assertThat(outcomes[0]).as("loaded").isPositive();
        assertThat(outcomes[1]).as("refused").isPositive();
    }

    private int outcome(HostileDataFiles loader, byte[] input, int c) {
        try {
            Dataset ds = loader.load(dir, "on-error", c % 2 == 0 ? "fail" : "skip");
            for (int r = 0; r < ds.interactions().size(); r++) {
                float rating = ds.interactions().rating(r);
                assertThat(Float.isInfinite(rating)).as("case %d row %d rating %s", c, r, rating).isFalse();
            }
            for (String id : ds.users().ids()) {
                assertThat(id).as("case %d", c).doesNotContain("\u0000", "\ufffd");
            }
            return 0;
        } catch (DataException e) {
            assertThat(e.getMessage()).isNotBlank();
            return 1;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(loader + " case " + c + " threw " + e + " for input:\n"
                    + new String(input, ISO_8859_1), e);
        }
    }
}
