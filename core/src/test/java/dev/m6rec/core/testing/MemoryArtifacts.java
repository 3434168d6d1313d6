package dev.m6rec.core.testing;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory component folder for plugin tests: what a component writes can be read back,
 * and tests can tamper with {@link #files} to check error handling. Shipped in core's test jar
 * ({@code m6rec-core:tests}) for every plugin module, including third-party ones.
 *
 * <pre>{@code
 * MemoryArtifacts folder = new MemoryArtifacts("interest");
 * model.save(folder);
 * restored.load(folder, inputs);
 * }</pre>
 */
public final class MemoryArtifacts implements ArtifactWriter, ArtifactReader {
    /** File name to content; a test may modify it to simulate corruption. */
    public final Map<String, byte[]> files = new TreeMap<>();
    private final String location;

    public MemoryArtifacts(String location) {
        this.location = location;
    }

    public MemoryArtifacts() {
        this("memory");
    }

    @Override
    public OutputStream create(String name) {
        if (files.containsKey(name)) {
            throw new IllegalStateException("written twice: " + name);
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
        return location;
    }
}
