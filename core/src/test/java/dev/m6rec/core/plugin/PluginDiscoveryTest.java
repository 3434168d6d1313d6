package dev.m6rec.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.PluginException;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin directories with real jars compiled in the test: discovery, isolation and failures. */
class PluginDiscoveryTest {
    private static final String LIB = "com.example.lib.Greeting";
    private static final ClassLoader HOST = PluginDiscoveryTest.class.getClassLoader();

    @TempDir
    static Path work;
    /** Plugins alpha, beta, gamma, gamma2 and dup, compiled against library version 1. */
    private static Path classes;
    private static Path libV1;
    private static Path libV2;

    @TempDir
    Path plugins;

    @BeforeAll
    static void compilePlugins() throws IOException {
        classes = PluginJars.compile(work, Map.of(
                LIB, library("v1"),
                "com.example.alpha.AlphaPlugin", PluginJars.similarityPlugin("com.example.alpha", "AlphaPlugin", "alpha",
                        "alpha-sim", "\" lib=\" + com.example.lib.Greeting.text()"),
                "com.example.beta.BetaPlugin", PluginJars.similarityPlugin("com.example.beta", "BetaPlugin", "beta",
                        "beta-sim", "\" lib=\" + com.example.lib.Greeting.text()"),
                "com.example.gamma.GammaPlugin", PluginJars.similarityPlugin("com.example.gamma", "GammaPlugin", "gamma",
                        "gamma-sim", "\"\""),
                "com.example.gamma2.GammaPlugin", PluginJars.similarityPlugin("com.example.gamma2", "GammaPlugin", "gamma",
                        "other-sim", "\"\""),
                "com.example.dup.DupPlugin", PluginJars.similarityPlugin("com.example.dup", "DupPlugin", "dup",
                        "alpha-sim", "\"\"")));
        libV1 = PluginJars.jar(work.resolve("lib-1.jar"), classes, "com/example/lib/");
        Path v2 = PluginJars.compile(work, Map.of(LIB, library("v2")));
        libV2 = PluginJars.jar(work.resolve("lib-2.jar"), v2, "com/example/lib/");
    }

    private static String library(String version) {
        return "package com.example.lib; public final class Greeting { public static String text() { return \""
                + version + "\"; } }";
    }

    private static Path gammaJar(Path file) throws IOException {
        return PluginJars.jar(file, classes, "com/example/gamma/", "com.example.gamma.GammaPlugin");
    }

    private static PluginInfo plugin(PluginRegistry registry, String name) {
        return registry.plugins().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String description(PluginRegistry registry, String factory) {
        return registry.factory(ComponentKind.SIMILARITY, factory).orElseThrow().factory().description();
    }

    @Test
    void findsJarsAndFoldersEachInItsOwnIsolatedLoader() throws IOException {
        gammaJar(plugins.resolve("gamma.jar"));
        Path alpha = Files.createDirectories(plugins.resolve("alpha"));
        PluginJars.jar(alpha.resolve("alpha-plugin.jar"), classes, "com/example/alpha/", "com.example.alpha.AlphaPlugin");
        Files.copy(libV1, alpha.resolve("lib-1.jar"));
        Path beta = PluginJars.explode(plugins.resolve("beta"), classes, "com/example/beta/", "com.example.beta.BetaPlugin");
        Files.copy(libV2, beta.resolve("lib-2.jar"));
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");
        Files.createDirectories(plugins.resolve(".cache"));

        PluginRegistry registry = PluginRegistry.discover(HOST, List.of(plugins));

        assertThat(registry.plugins()).extracting(PluginInfo::name).contains("alpha", "beta", "gamma");
        assertThat(plugin(registry, "alpha").source()).isEqualTo(alpha.toString());
        assertThat(plugin(registry, "beta").source()).isEqualTo(beta.toString());
        assertThat(plugin(registry, "gamma").source()).isEqualTo(plugins.resolve("gamma.jar").toString());
        assertThat(plugin(registry, "gamma").version()).isEqualTo("1.2.3");
        assertThat(registry.factories(ComponentKind.SIMILARITY)).containsKeys("alpha-sim", "beta-sim", "gamma-sim");

        // Each plugin sees the api and its own libraries, never the host's Guice or core, and
        // two plugins can carry different versions of the same library.
        assertThat(description(registry, "alpha-sim")).isEqualTo("guice=false core=false api=true lib=v1");
        assertThat(description(registry, "beta-sim")).isEqualTo("guice=false core=false api=true lib=v2");
        assertThat(description(registry, "gamma-sim")).isEqualTo("guice=false core=false api=true");
    }

    @Test
    void pluginClassesAreInvisibleToTheHostWhileApiTypesAreShared() throws IOException, ClassNotFoundException {
        gammaJar(plugins.resolve("gamma.jar"));
        Path alpha = Files.createDirectories(plugins.resolve("alpha"));
        PluginJars.jar(alpha.resolve("alpha-plugin.jar"), classes, "com/example/alpha/", "com.example.alpha.AlphaPlugin");
        Files.copy(libV1, alpha.resolve("lib-1.jar"));

        PluginRegistry registry = PluginRegistry.discover(HOST, List.of(plugins));
        Object gamma = plugin(registry, "gamma").plugin();
        Object alphaPlugin = plugin(registry, "alpha").plugin();

        assertThatThrownBy(() -> Class.forName("com.example.gamma.GammaPlugin", false, HOST))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName(LIB, false, HOST)).isInstanceOf(ClassNotFoundException.class);
        assertThat(gamma).isInstanceOf(Plugin.class);
        assertThat(registry.factory(ComponentKind.SIMILARITY, "gamma-sim").orElseThrow().factory())
                .isInstanceOf(SimilarityModelFactory.class);
        ClassLoader gammaLoader = gamma.getClass().getClassLoader();
        assertThat(gammaLoader).isNotSameAs(HOST).isNotSameAs(alphaPlugin.getClass().getClassLoader());
        assertThat(gammaLoader.loadClass(Plugin.class.getName())).isSameAs(Plugin.class);
        assertThat(gammaLoader.loadClass("java.util.List")).isSameAs(List.class);
    }

    @Test
    void duplicateFactoryNamesAcrossTwoJarsNameBothPlugins() throws IOException {
        Path a = PluginJars.jar(plugins.resolve("a.jar"), classes, "com/example/alpha/", "com.example.alpha.AlphaPlugin");
        Path d = PluginJars.jar(plugins.resolve("d.jar"), classes, "com/example/dup/", "com.example.dup.DupPlugin");
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(plugins)))
                .isInstanceOf(PluginException.class)
                .hasMessage("duplicate similarity model 'alpha-sim': declared by plugin alpha (" + a
                        + ") and by plugin dup (" + d + ")");
    }

    @Test
    void duplicatePluginNamesNameBothSources() throws IOException {
        Path first = gammaJar(plugins.resolve("g1.jar"));
        Path second = PluginJars.jar(plugins.resolve("g2.jar"), classes, "com/example/gamma2/", "com.example.gamma2.GammaPlugin");
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(plugins)))
                .isInstanceOf(PluginException.class)
                .hasMessage("duplicate plugin 'gamma': from " + first + " and from " + second);
    }

    @Test
    void theSameDirectoryGivenTwiceIsReadOnce() throws IOException {
        gammaJar(plugins.resolve("gamma.jar"));
        PluginRegistry registry = PluginRegistry.discover(HOST, List.of(plugins, plugins.resolve(".").resolve("x/..")));
        assertThat(registry.plugins()).filteredOn(p -> p.name().equals("gamma")).hasSize(1);
    }

    @Test
    void aJarWithoutAServiceEntryFailsWithItsPath() throws IOException {
        Path jar = PluginJars.jar(plugins.resolve("no-service.jar"), classes, "com/example/gamma/");
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(plugins)))
                .isInstanceOf(PluginException.class)
                .hasMessage(jar + ": no META-INF/services/dev.m6rec.api.Plugin entry");
    }

    @Test
    void aFolderWithoutAServiceEntryFailsWithItsPath() throws IOException {
        Path folder = Files.createDirectories(plugins.resolve("empty-plugin"));
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(plugins)))
                .isInstanceOf(PluginException.class)
                .hasMessage(folder + ": no META-INF/services/dev.m6rec.api.Plugin entry");
    }

    @Test
    void aServiceEntryNamingAMissingClassFailsWithThePath() throws IOException {
        Path jar = PluginJars.jar(plugins.resolve("broken.jar"), classes, "com/example/gamma/", "com.example.Missing");
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(plugins)))
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith(jar + ": cannot load plugin: ")
                .hasMessageContaining("com.example.Missing");
    }

    @Test
    void aMissingPluginsDirectoryFailsWithItsPath() {
        Path missing = plugins.resolve("nope");
        assertThatThrownBy(() -> PluginRegistry.discover(HOST, List.of(missing)))
                .isInstanceOf(PluginException.class)
                .hasMessage(missing + ": plugins directory does not exist");
    }

    @Test
    void classpathPluginsAreFoundWithoutDirectories() {
        PluginRegistry registry = PluginRegistry.discover(HOST, List.of());
        assertThat(registry.plugins()).allMatch(p -> p.source().equals("classpath"));
    }
}
