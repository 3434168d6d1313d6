package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.artifact.ArtifactReader;
import java.io.InputStream;

/** Reads back what a {@link PrefixedArtifactWriter} wrote. */
record PrefixedArtifactReader(ArtifactReader in, String prefix) implements ArtifactReader {

    @Override
    public InputStream open(String name) {
        return in.open(prefix + name);
    }

    @Override
    public boolean exists(String name) {
        return in.exists(prefix + name);
    }

    @Override
    public String location() {
        return in.location() + "/" + prefix + "*";
    }
}
