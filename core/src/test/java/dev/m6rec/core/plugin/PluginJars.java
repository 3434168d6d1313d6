package dev.m6rec.core.plugin;

import dev.m6rec.api.Plugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars in a test's temporary folder: Java sources compiled with the system
 * compiler against the api classes alone, then packed with {@code java.util.jar}. No binaries are
 * checked in.
 */
final class PluginJars {
    private PluginJars() {
    }

    /** Where the host's api classes live (a jar in the local repository or a classes folder). */
    static Path apiLocation() {
        try {
            return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles {@code sources} (class name to source text) into a new classes folder. */
    static Path compile(Path workDir, Map<String, String> sources, Path... classpath) throws IOException {
        Path src = Files.createTempDirectory(workDir, "src");
        Path classes = Files.createTempDirectory(workDir, "classes");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-proc:none",
                "-implicit:none", "-classpath", classpath(classpath)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("test plugin did not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    private static String classpath(Path... extra) {
        List<String> entries = new ArrayList<>();
        entries.add(apiLocation().toString());
        for (Path p : extra) {
            entries.add(p.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Copies the classes of {@code packagePrefix} into a folder, with a service file when plugin classes are given. */
    static Path explode(Path folder, Path classes, String packagePrefix, String... pluginClasses) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(path).toString().replace(java.io.File.separatorChar, '/');
                if (name.startsWith(packagePrefix)) {
                    Path target = folder.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
        if (pluginClasses.length > 0) {
            Path services = Files.createDirectories(folder.resolve("META-INF/services"));
            Files.writeString(services.resolve(Plugin.class.getName()), String.join("\n", pluginClasses) + "\n");
        }
        return folder;
    }

    /**
     * Packs the classes of {@code packagePrefix} (slash-separated) into a jar, with a
     * {@code META-INF/services/dev.m6rec.api.Plugin} entry listing {@code pluginClasses} when any are given.
     */
    static Path jar(Path jarFile, Path classes, String packagePrefix, String... pluginClasses) throws IOException {
        Files.createDirectories(jarFile.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.3");
        try (OutputStream file = Files.newOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(path).toString().replace(java.io.File.separatorChar, '/');
                if (name.startsWith(packagePrefix)) {
                    jar.putNextEntry(new JarEntry(name));
                    jar.write(Files.readAllBytes(path));
                    jar.closeEntry();
                }
            }
            if (pluginClasses.length > 0) {
                jar.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
                jar.write((String.join("\n", pluginClasses) + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return jarFile;
    }

    /**
     * Source of a plugin {@code name} in package {@code pkg} with one similarity model
     * {@code factory}, whose description reports which classes its loader can see.
     */
    static String similarityPlugin(String pkg, String className, String name, String factory, String extraDescription) {
        return """
                package %1$s;

                import dev.m6rec.api.Plugin;
                import dev.m6rec.api.PluginContext;
                import dev.m6rec.api.config.Param;
                import dev.m6rec.api.similarity.SimilarityModel;
                import dev.m6rec.api.similarity.SimilarityModelFactory;
                import java.util.List;

                public final class %2$s implements Plugin {
                    public String name() { return "%3$s"; }

                    public record Settings(@Param(value = "k", def = "5", min = 1) int k) {
                    }

                    public List<SimilarityModelFactory<?>> similarityModels() {
                        return List.of(new SimilarityModelFactory<Settings>() {
                            public String name() { return "%4$s"; }
                            public String description() {
                                return "guice=" + visible("com.google.inject.Injector")
                                        + " core=" + visible("dev.m6rec.core.plugin.PluginRegistry")
                                        + " api=" + visible("dev.m6rec.api.config.ConfigSchema")
                                        + %5$s;
                            }
                            public Class<Settings> settingsType() { return Settings.class; }
                            public SimilarityModel create(Settings settings, PluginContext context) {
                                throw new UnsupportedOperationException();
                            }
                        });
                    }

                    static boolean visible(String className) {
                        try {
                            Class.forName(className, false, %2$s.class.getClassLoader());
                            return true;
                        } catch (ClassNotFoundException e) {
                            return false;
                        }
                    }
                }
                """.formatted(pkg, className, name, factory, extraDescription);
    }
}
