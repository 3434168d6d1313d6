package dev.m6rec.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin author's path, end to end: {@code mvn archetype:generate} in batch mode makes a
 * project from this archetype, {@code mvn verify} builds it and runs its tests, and the jar it
 * produces is installed in a plugins directory, listed, trained with, tuned with, and needed again
 * by {@code recommend}. The nested builds use a local repository in {@code target/} that holds
 * this build's M6-Rec artifacts (staged by maven-dependency-plugin) and reads every other
 * artifact from the outer build's repository, so the shared {@code ~/.m2} is never written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginArchetypeIT {
    private static final String VERSION = System.getProperty("m6rec.version", "0.1.0-SNAPSHOT");
    private static final List<String> M6REC_ARTIFACTS = List.of("m6rec-parent", "m6rec-api", "m6rec-core");
    /** Nested Maven runs on a loaded CI machine: generous, never a timing assertion. */
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    @TempDir
    static Path work;
    private static Path project;
    private static Path plugins;

    @BeforeAll
    static void generateAndBuild() throws IOException, InterruptedException {
        Path repository = stageRepository();
        Path settings = Files.writeString(work.resolve("settings.xml"), settingsReadingFrom(
                Path.of(System.getProperty("m6rec.outerRepository", System.getProperty("user.home") + "/.m2/repository"))));

        maven(work, repository, settings, "generate.log", "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=dev.m6rec", "-DarchetypeArtifactId=m6rec-plugin-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=com.acme", "-DartifactId=acme-recs", "-Dversion=1.0.0",
                "-Dpackage=com.acme.recs", "-DpluginName=acme");
        project = work.resolve("acme-recs");
        maven(project, repository, settings, "build.log", "verify");

        plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(project.resolve("target/acme-recs-1.0.0.jar"), plugins.resolve("acme-recs-1.0.0.jar"));
    }

    /** target/it-repository with the staged M6-Rec poms and jars laid out as a local repository. */
    private static Path stageRepository() throws IOException {
        Path repository = Path.of(System.getProperty("m6rec.itRepository", "target/it-repository"));
        Path staging = Path.of(System.getProperty("m6rec.staging", "target/m6rec-staging"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> staged = Files.list(staging)) {
            staged.forEach(files::add);
        }
        files.add(Path.of(System.getProperty("m6rec.archetypeJar",
                "target/m6rec-plugin-archetype-" + VERSION + ".jar")));
        Path archetypePom = Files.copy(Path.of(System.getProperty("m6rec.archetypePom", "pom.xml")),
                work.resolve("m6rec-plugin-archetype-" + VERSION + ".pom"));
        files.add(archetypePom);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String artifactId = Stream.concat(M6REC_ARTIFACTS.stream(), Stream.of("m6rec-plugin-archetype"))
                    .filter(a -> name.startsWith(a + "-" + VERSION)).findFirst()
                    .orElseThrow(() -> new AssertionError("unexpected staged file " + file));
            Path folder = Files.createDirectories(repository.resolve("dev/m6rec").resolve(artifactId).resolve(VERSION));
            Files.copy(file, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).as("staged by maven-dependency-plugin")
                .contains("m6rec-api-" + VERSION + ".jar", "m6rec-core-" + VERSION + "-tests.jar",
                        "m6rec-parent-" + VERSION + ".pom");
        return repository;
    }

    /**
     * Releases come from the outer build's repository first (read as a file repository: nothing is
     * written to it), then Maven Central; snapshots only from the local repository, i.e. the
     * M6-Rec artifacts of this build.
     */
    private static String settingsReadingFrom(Path outer) {
        String repository = """
                <id>outer-local</id><url>%s</url>
                <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>
                """.formatted(outer.toUri());
        return """
                <settings>
                  <profiles><profile><id>outer</id>
                    <repositories><repository>%s</repository></repositories>
                    <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>outer</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    private static void maven(Path dir, Path repository, Path settings, String logName, String... goals)
            throws IOException, InterruptedException {
        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repository.toAbsolutePath()));
        command.addAll(List.of(goals));
        Path log = work.resolve(logName);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as("%s in %s:%n%s", command, dir, Files.readString(log)).isTrue();
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Cli(int status, String out, String err) {
    }

    @Test
    @Order(1)
    void theGeneratedProjectBuildsAndPassesItsOwnTests() throws IOException {
        String build = Files.readString(work.resolve("build.log"));
        assertThat(build).contains("Tests run: 16, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
        assertThat(project.resolve("src/main/java/com/acme/recs/ExamplePlugin.java")).content()
                .contains("package com.acme.recs;").contains("NAME = \"acme\"");
        assertThat(project.resolve("src/main/resources/META-INF/services/dev.m6rec.api.Plugin")).content()
                .isEqualToIgnoringNewLines("com.acme.recs.ExamplePlugin");
    }

    @Test
    @Order(2)
    void theJarInAPluginsDirectoryContributesOneComponentOfEachKind() {
        Cli listing = cli("plugins", "--plugins", plugins.toString());

        assertThat(listing.status()).as(listing.err()).isZero();
        assertThat(listing.out()).contains("acme 1.0.0 (" + plugins.resolve("acme-recs-1.0.0.jar") + ")")
                .containsPattern("dataset loader\\s+acme-pairs\\s")
                .containsPattern("splitter\\s+acme-holdout\\s")
                .containsPattern("feature extractor\\s+acme-activity\\s")
                .containsPattern("interest model\\s+acme-popularity\\s")
                .containsPattern("similarity model\\s+acme-co-users\\s")
                .containsPattern("strategy optimizer\\s+acme-random\\s");
    }

    @Test
    @Order(3)
    void theExampleConfigTrainsAndTunesWithEveryComponentAndTheArtifactNeedsThePlugin() {
        Path config = project.resolve("example.yaml");
        Path runOut = work.resolve("run-out");
        Cli run = cli("run", config.toString(), "--plugins", plugins.toString(), "--set", "output.dir=" + runOut);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(runOut.resolve("metrics.json")).content().contains("ndcg@10");
        assertThat(runOut.resolve("artifact/interest/popularity.f32")).isRegularFile();
        assertThat(runOut.resolve("artifact/similarity/users.i32")).isRegularFile();

        Cli tune = cli("tune", config.toString(), "--plugins", plugins.toString(), "--set",
                "output.dir=" + work.resolve("tune-out"));
        assertThat(tune.status()).as(tune.err()).isZero();
        assertThat(tune.out() + tune.err()).contains("similarity.min-shared");

        String artifact = runOut.resolve("artifact").toString();
        Cli without = cli("recommend", "--artifact", artifact, "--user", "u2");
        assertThat(without.status()).isEqualTo(2);
        assertThat(without.err()).contains("error: " + artifact + ": trained with plugin 'acme' (version 1.0.0, from "
                + "acme-recs-1.0.0.jar in " + plugins + "), which is not installed; add the plugins directory holding "
                + "acme-recs-1.0.0.jar with --plugins");
        Cli with = cli("recommend", "--artifact", artifact, "--user", "u2", "--plugins", plugins.toString());
        assertThat(with.status()).as(with.err()).isZero();
        assertThat(with.out().lines()).hasSize(10).allMatch(line -> line.startsWith("u2\titem"));
    }
}
