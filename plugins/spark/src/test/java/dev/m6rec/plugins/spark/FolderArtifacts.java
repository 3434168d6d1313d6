package dev.m6rec.plugins.spark;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** The files of a component folder: written from a map by the test, read back through {@link ArtifactReader}. */
record FolderArtifacts(Path dir) implements ArtifactReader {

    static FolderArtifacts write(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return new FolderArtifacts(dir);
    }

    @Override
    public InputStream open(String name) {
        try {
            return Files.newInputStream(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new ArtifactException(location() + "/" + name + ": missing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }

    @Override
    public String location() {
        return dir.toString();
    }
}
