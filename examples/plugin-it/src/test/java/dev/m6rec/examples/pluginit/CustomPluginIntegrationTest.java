package dev.m6rec.examples.pluginit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.Plugin;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.config.ConfigLoader;
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import dev.m6rec.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin as a user installs it: the jar built by {@code examples/custom-plugin},
 * copied into a plugins directory (it is not on this test's class path), then discovered,
 * configured, listed by the CLI and used in a run.
 */
class CustomPluginIntegrationTest {
    private static final ClassLoader HOST = CustomPluginIntegrationTest.class.getClassLoader();

    @TempDir
    Path work;
    private Path plugins;
    private Path jar;

    @BeforeEach
    void installPlugin() throws IOException {
        Path built = Path.of(System.getProperty("m6rec.pluginUnderTest", "target/plugin-under-test/m6rec-example-custom-plugin.jar"));
        assertThat(built).as("the custom-plugin jar copied by maven-dependency-plugin").isRegularFile();
        plugins = Files.createDirectories(work.resolve("plugins"));
        jar = Files.copy(built, plugins.resolve("example-plugin.jar"));
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(work.resolve("tags.yaml"), yaml);
    }

    @Test
    void theJarIsDiscoveredWithItsNamesButItsClassesStayOutOfTheHost() {
        PluginRegistry registry = PluginRegistry.discover(HOST, List.of(plugins));

        PluginInfo example = registry.plugins().stream().filter(p -> p.name().equals("example")).findFirst().orElseThrow();
        assertThat(example.source()).isEqualTo(jar.toString());
        assertThat(example.version()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(registry.factory(ComponentKind.FEATURE, "tag-count").orElseThrow().plugin()).isEqualTo(example);
        assertThat(registry.factory(ComponentKind.SIMILARITY, "tag-overlap").orElseThrow().plugin()).isEqualTo(example);
        assertThat(registry.factory(ComponentKind.SIMILARITY, "tag-overlap").orElseThrow().factory())
                .isInstanceOf(SimilarityModelFactory.class);
        assertThat(registry.factory(ComponentKind.FEATURE, "tag-count").orElseThrow().factory())
                .isInstanceOf(FeatureExtractorFactory.class);

        assertThat(example.plugin()).isInstanceOf(Plugin.class);
        assertThat(example.plugin().getClass().getName()).isEqualTo("com.example.tags.TagPlugin");
        assertThat(example.plugin().getClass().getClassLoader()).isNotSameAs(HOST);
        assertThatThrownBy(() -> Class.forName("com.example.tags.TagPlugin", false, HOST))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(HOST.getResource("META-INF/services/dev.m6rec.api.Plugin")).isNotNull();
        assertThat(registry.plugins()).filteredOn(p -> p.source().equals("classpath")).extracting(PluginInfo::name)
                .doesNotContain("example");
    }

    @Test
    void aConfigChoosingThePluginsComponentsValidates() throws IOException {
        Path file = config("""
                plugins: {dirs: [plugins]}
                data: {type: synthetic, users: 100, items: 60}
                features:
                  item: [{type: tag-count, field: tags, max-tags: 40}]
                interest: {type: item-knn, neighbours: 20}
                similarity: {type: tag-overlap, column-prefix: "tags="}
                """);
        RawConfig raw = ConfigLoader.load(file, List.of("similarity.min-overlap=2"));
        assertThat(raw.pluginDirs()).containsExactly(plugins);
        RunConfig config = RunConfigValidator.validate(raw, PluginRegistry.discover(HOST, raw.pluginDirs()));

        assertThat(config.similarity().orElseThrow().type()).isEqualTo("tag-overlap");
        assertThat(config.similarity().orElseThrow().effective()).containsEntry("min-overlap", 2);
        assertThat(config.itemFeatures().get(0).effective()).containsEntry("max-tags", 40);
        assertThat(config.pluginDirs()).containsExactly(plugins);
    }

    @Test
    void thePluginsSchemasCheckItsSections() throws IOException {
        Path file = config("""
                plugins: {dirs: [plugins]}
                features:
                  item: [{type: tag-count, max-tags: 0}]
                interest: {type: item-knn}
                similarity: {type: tag-overlap, column-prefx: "tags="}
                """);
        RawConfig raw = ConfigLoader.load(file, List.of());
        assertThatThrownBy(() -> RunConfigValidator.validate(raw, PluginRegistry.discover(HOST, raw.pluginDirs())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("3 configuration problems:\n"
                        + "  features.item[0].max-tags: must be >= 1 (was 0)\n"
                        + "  features.item[0].field: required (the tag attribute to encode, e.g. genres)\n"
                        + "  similarity.column-prefx: unknown key; did you mean 'column-prefix'?");
        // Without the plugins directory the names are unknown, and the message says which exist.
        assertThatThrownBy(() -> RunConfigValidator.validate(raw.with("plugins.dirs", List.of()),
                PluginRegistry.discover(HOST, List.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("similarity.type: unknown similarity model 'tag-overlap'; available: [");
    }

    @Test
    void theCliListsThePluginFromADirectory() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "plugins", "--plugins", plugins.toString());

        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(listing).contains("example 0.1.0-SNAPSHOT (" + jar + ")");
        assertThat(listing).containsPattern("feature extractor\\s+tag-count\\s+multi-hot columns");
        assertThat(listing).containsPattern("similarity model\\s+tag-overlap\\s+Jaccard similarity");
    }

    @Test
    void aRunUsesThePluginsExtractorAndSimilarityEndToEnd() throws IOException {
        Path output = work.resolve("out");
        Path file = config("""
                seed: 3
                threads: 1
                plugins: {dirs: [plugins]}
                data: {type: synthetic, users: 120, items: 60}
                features:
                  item: [{type: tag-count, field: tags}]
                interest: {type: item-knn, neighbours: 20}
                similarity: {type: tag-overlap, column-prefix: "tags="}
                evaluation: {metrics: [hr@10, ndcg@10]}
                output: {dir: "%s", samples: 0}
                """.formatted(output.toString().replace("\\", "/")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "run", file.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(output.resolve("metrics.json")).isRegularFile();
        assertThat(Files.readString(output.resolve("metrics.json"))).contains("ndcg@10");
        try (Stream<Path> files = Files.walk(output.resolve("artifact"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("the artifact holds the state both plugin components saved")
                    .contains("tag-sets.i64", "vocabulary.txt");
        }
    }
}
