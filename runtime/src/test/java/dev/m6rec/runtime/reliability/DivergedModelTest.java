package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 5: a model whose training diverges fails the run with exit 2, naming the
 * component, its type and (where a loss is computed) the epoch, and writes no outputs.
 */
class DivergedModelTest {
    @TempDir
    Path dir;

    private CliRunner run(String yaml, String... extra) {
        Path config = TinyPipelines.config(dir, "diverged", yaml);
        String[] args = new String[3 + extra.length];
        args[0] = "run";
        args[1] = config.toString();
        args[2] = "--set=output.dir=" + dir.resolve("out");
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRunner.run(args);
    }

    private void assertFailsWith(CliRunner result, String error) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly(error);
        assertThat(result.err()).doesNotContain("\tat ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void bprWithAHugeLearningRateStopsAtTheEpochItDiverged() {
        CliRunner result = run(TinyPipelines.POPULARITY.replace("interest: { type: popularity }",
                "interest: { type: bpr, learning-rate: 1e30 }"));
        assertFailsWith(result, "error: interest: bpr training diverged at epoch 1 (loss NaN); lower learning-rate"
                + " (was 1.0E30)");
    }

    @Test
    void mlpWithAHugeLearningRateStopsAtTheEpochItDiverged() {
        CliRunner result = run(TinyPipelines.MLP.replace("epochs: 3", "epochs: 3, learning-rate: 1e30"));
        assertFailsWith(result, "error: interest: mlp training diverged at epoch 1 (click loss NaN); lower learning-rate");
    }

    @Test
    void aModelThatScoresNaNWithoutALossToCheckIsCaughtAfterFit() {
        CliRunner result = run(TinyPipelines.POPULARITY.replace("type: popularity", "type: nan-scores"),
                "--plugins", PluginFolder.faultyModels(dir).toString());
        assertFailsWith(result, "error: interest: nan-scores training diverged (score NaN for user #0, item #0"
                + " after fit); lower the learning rate or check the settings");
    }
}
