package dev.m6rec.core.artifact;

import dev.m6rec.core.plugin.PluginInfo;
import dev.m6rec.core.plugin.PluginRegistry;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the JDK and of the libraries a pipeline was trained with, for the manifest: a
 * model's numbers can change with any of them. A library is listed when the host's or a plugin's
 * class loader can load its marker class; the version is read from the jar that class came from
 * (its Maven file name), since not every jar carries Maven metadata and shaded jars carry others'.
 */
final class LibraryVersions {
    /** Manifest name, then a class only that library has. */
    private static final String[][] LIBRARIES = {
            {"deeplearning4j", "org.deeplearning4j.nn.graph.ComputationGraph"},
            {"nd4j", "org.nd4j.linalg.factory.Nd4j"},
            {"openblas", "org.bytedeco.openblas.global.openblas"},
            {"smile", "smile.math.MathEx"},
            {"guice", "com.google.inject.Guice"},
            {"snakeyaml", "org.yaml.snakeyaml.Yaml"},
    };
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[\\w.\\-]*?)(?:-linux-x86_64)?\\.jar$");

    private LibraryVersions() {
    }

    static Map<String, String> of(PluginRegistry registry) {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(LibraryVersions.class.getClassLoader());
        for (PluginInfo plugin : registry.plugins()) {
            loaders.add(plugin.plugin().getClass().getClassLoader());
        }
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("java", Runtime.version().toString());
        for (String[] library : LIBRARIES) {
            for (ClassLoader loader : loaders) {
                String version = version(loader, library[1]);
                if (version != null) {
                    versions.put(library[0], version);
                    break;
                }
            }
        }
        return versions;
    }

    private static String version(ClassLoader loader, String className) {
        try {
            // Not initialised: naming a version must not start a native library.
            Class<?> marker = Class.forName(className, false, loader);
            CodeSource source = marker.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Matcher m = JAR_VERSION.matcher(source.getLocation().getPath());
                if (m.find()) {
                    return m.group(1);
                }
            }
            String declared = marker.getPackage() == null ? null : marker.getPackage().getImplementationVersion();
            return declared != null ? declared : "unknown";
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return null;
        }
    }
}
