package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.artifact.ArtifactWriter;
import java.io.OutputStream;

/** A base model's files inside the stack's folder, each name prefixed (e.g. {@code base-0.}). */
record PrefixedArtifactWriter(ArtifactWriter out, String prefix) implements ArtifactWriter {

    @Override
    public OutputStream create(String name) {
        return out.create(prefix + name);
    }
}
