package com.example.tags;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** An artifact folder in memory: what a component writes can be read back in the same test. */
final class MemoryArtifacts implements ArtifactWriter, ArtifactReader {
    final Map<String, byte[]> files = new LinkedHashMap<>();

    @Override
    public OutputStream create(String name) {
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
}
