package dev.m6rec.core.artifact;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Reads one component's files; only files listed (and already verified) in the manifest exist for it. */
final class VerifiedFolderReader implements ArtifactReader {
    private final Path root;
    private final String folder;
    private final Set<String> listed;

    VerifiedFolderReader(Path root, String folder, Set<String> listed) {
        this.root = root;
        this.folder = folder;
        this.listed = listed;
    }

    @Override
    public InputStream open(String name) {
        String key = folder + "/" + name;
        if (!listed.contains(key)) {
            throw new ArtifactException(location() + "/" + name + ": missing from the artifact");
        }
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(root.resolve(key)), 1 << 16);
        } catch (IOException e) {
            throw new ArtifactException(location() + "/" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String name) {
        return listed.contains(folder + "/" + name);
    }

    @Override
    public long size(String name) {
        String key = folder + "/" + name;
        if (!listed.contains(key)) {
            return -1;
        }
        try {
            return Files.size(root.resolve(key));
        } catch (IOException e) {
            throw new ArtifactException(location() + "/" + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return root.resolve(folder).toString();
    }
}
