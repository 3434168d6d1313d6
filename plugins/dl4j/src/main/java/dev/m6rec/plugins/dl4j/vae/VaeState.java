package dev.m6rec.plugins.dl4j.vae;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.ModelInputs;

/**
 * What a fitted {@code vae} needs besides its parameters: the number of items it was trained over
 * and the seed its configuration was built with. It keeps nothing per user: a user is its history.
 */
record VaeState(int numItems, long seed) {
    static final String FILE = "vae-shape.i64";
    private static final long FORMAT = 1;

    void write(ArtifactWriter out) {
        out.writeLongs(FILE, new long[] {FORMAT, numItems, seed});
    }

    static VaeState read(ArtifactReader in, ModelInputs inputs) {
        String where = in.location() + "/" + FILE;
        long[] header = in.readLongs(FILE);
        if (header.length != 3 || header[0] != FORMAT) {
            throw new ArtifactException(where + ": not a vae model header of format " + FORMAT);
        }
        if (header[1] != inputs.numItems()) {
            throw new ArtifactException(where + ": trained for " + header[1] + " items, the inputs have "
                    + inputs.numItems());
        }
        return new VaeState(inputs.numItems(), header[2]);
    }
}
