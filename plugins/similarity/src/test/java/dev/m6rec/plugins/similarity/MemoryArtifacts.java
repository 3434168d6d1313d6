package dev.m6rec.plugins.similarity;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** An in-memory component folder that is both the writer and the reader of a save/load round trip. */
final class MemoryArtifacts implements ArtifactWriter, ArtifactReader {
    private final Map<String, byte[]> files = new TreeMap<>();

    @Override
    public OutputStream create(String name) {
        if (name.contains("/") || files.containsKey(name)) {
            throw new IllegalArgumentException("bad or duplicate file name " + name);
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

    /** Replaces a file's bytes, to test how load reacts to altered state. */
    void put(String name, byte[] bytes) {
        files.put(name, bytes);
    }
}
