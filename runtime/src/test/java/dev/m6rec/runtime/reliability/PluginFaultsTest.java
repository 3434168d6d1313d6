package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 6: a plugin that misbehaves is refused at registration, or reported when it
 * fails, naming the plugin and its folder, with exit 2, one line and no trace without --verbose.
 */
class PluginFaultsTest {
    @TempDir
    Path dir;

    private CliRunner run(String type, Class<? extends Plugin> plugin, String... extra) {
        Path plugins = PluginFolder.of(dir, "broken", plugin);
        Path config = TinyPipelines.config(dir, "plugin-faults", TinyPipelines.POPULARITY.replace("type: popularity", "type: " + type));
        String[] args = new String[5 + extra.length];
        args[0] = "run";
        args[1] = config.toString();
        args[2] = "--set=output.dir=" + dir.resolve("out");
        args[3] = "--plugins";
        args[4] = plugins.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRunner.run(args);
    }

    private void assertFailsWith(CliRunner result, String error) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().lines().filter(l -> !l.startsWith("[")).toList()).as("besides progress lines")
                .containsExactly(error);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private String unit() {
        return dir.resolve("plugins").resolve("broken").toString();
    }

    @Test
    void aPluginWhoseNameThrowsIsRefusedAtRegistration() {
        assertFailsWith(run("popularity", BrokenPlugins.NameThrows.class), "error: plugin "
                + BrokenPlugins.NameThrows.class.getName() + " (" + unit() + "): name() failed: "
                + "java.lang.IllegalStateException: no name today");
    }

    @Test
    void aComponentWhoseNameThrowsIsRefusedAtRegistrationNamingItsPlugin() {
        assertFailsWith(run("popularity", BrokenPlugins.FactoryNameThrows.class), "error: plugin nameless-models ("
                + unit() + ") declares interest model whose name() failed: "
                + "java.lang.IllegalStateException: no name today");
    }

    @Test
    void aPluginWithoutANameIsRefusedAtRegistration() {
        assertFailsWith(run("popularity", BrokenPlugins.NameNull.class), "error: plugin "
                + BrokenPlugins.NameNull.class.getName() + " (" + unit() + "): name() returned null");
    }

    @Test
    void aPluginNameThatIsNotKebabCaseIsRefusedAtRegistration() {
        assertFailsWith(run("popularity", BrokenPlugins.BadName.class), "error: plugin "
                + BrokenPlugins.BadName.class.getName() + " (" + unit() + "): name 'Bad Name!' is not kebab-case (like 'my-plugin')");
    }

    @Test
    void aModelThatThrowsInCreateFitOrScoreIsThePluginsFaultNotABug() {
        for (String stage : new String[] {"create", "fit", "score"}) {
            CliRunner result = run("fails-in-" + stage, BrokenPlugins.ThrowingModels.class);
            assertFailsWith(result, "error: plugin 'throwing-models' (" + unit() + ") failed in " + stage + ": boom in " + stage);
            deletePlugins();
        }
    }

    @Test
    void verboseShowsThePluginsTrace() {
        CliRunner result = run("fails-in-fit", BrokenPlugins.ThrowingModels.class, "--verbose");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: plugin 'throwing-models' (" + unit() + ") failed in fit: boom in fit")
                .contains("java.lang.IllegalStateException: boom in fit").contains("\tat ");
    }

    @Test
    void aLoaderSplitterOrOptimizerThatThrowsIsThePluginsFaultNotABug() {
        Path plugins = PluginFolder.of(dir, "broken", BrokenPlugins.ThrowingSteps.class);
        String popularity = TinyPipelines.POPULARITY;
        String[][] cases = {
                {"run", popularity.replace("type: synthetic, users: 200, items: 100", "type: fails-in-load"), "load"},
                {"run", popularity.replace("type: ratio, ratios: [0.8, 0.1, 0.1]", "type: fails-in-split"), "split"},
                {"tune", popularity + "optimizer: { type: fails-in-ask, trials: 2, metric: ndcg@10, "
                        + "space: { interest.decay: { float: [0, 1] } } }\n", "ask"}};
        for (String[] c : cases) {
            Path config = TinyPipelines.config(dir, "steps-" + c[2], c[1]);
            CliRunner result = CliRunner.run(c[0], config.toString(), "--set=output.dir=" + dir.resolve("out-" + c[2]),
                    "--plugins", plugins.toString());
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err().lines().filter(l -> !l.startsWith("[")).toList()).as(c[2])
                    .containsExactly("error: plugin 'throwing-steps' (" + unit() + ") failed in " + c[2] + ": boom in " + c[2]);
        }
    }

    @Test
    void anArtifactUsedWithoutItsPluginNamesThePluginItsFolderAndItsDirectory() {
        CliRunner trained = run("exits-in-score", BrokenPlugins.ThrowingModels.class);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        String artifact = dir.resolve("out").resolve("artifact").toString();
        String error = "error: " + artifact + ": trained with plugin 'throwing-models' (version dev, from broken in "
                + dir.resolve("plugins") + "), which is not installed; add the plugins directory holding broken with --plugins";

        for (String[] args : new String[][] {
                {"recommend", "--artifact", artifact, "--user", "u12"},
                {"similar", "--artifact", artifact, "--item", "i3"},
                {"serve", "--artifact", artifact, "--port", "0"}}) {
            CliRunner result = CliRunner.run(args);
            assertThat(result.exitCode()).as(args[0] + ": " + result.err()).isEqualTo(2);
            assertThat(result.err().lines().filter(l -> !l.startsWith("[")).toList()).as(args[0]).containsExactly(error);
        }
        CliRunner withPlugins = CliRunner.run("recommend", "--artifact", artifact, "--user", "u12",
                "--plugins", dir.resolve("plugins").toString());
        assertThat(withPlugins.exitCode()).as(withPlugins.err()).isZero();
    }

    private void deletePlugins() {
        try (var files = java.nio.file.Files.walk(dir.resolve("plugins"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
