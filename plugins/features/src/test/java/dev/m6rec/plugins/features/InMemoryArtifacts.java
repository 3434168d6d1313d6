package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** A component folder held in memory, to test save/load without the artifact store. */
final class InMemoryArtifacts implements ArtifactWriter, ArtifactReader {
    private final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public OutputStream create(String name) {
        if (name.contains("/") || files.containsKey(name)) {
            throw new IllegalArgumentException("bad or repeated file name: " + name);
        }
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                files.put(name, toByteArray());
            }
        };
    }

    @Override
    public InputStream open(String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new ArtifactException(location() + "/" + name + ": missing");
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public boolean exists(String name) {
        return files.containsKey(name);
    }

    @Override
    public String location() {
        return "memory";
    }

    Map<String, byte[]> files() {
        return files;
    }

    /** Replaces a file, to simulate a tampered artifact. */
    void replace(String name, byte[] bytes) {
        files.put(name, bytes);
    }
}
