package dev.m6rec.plugins.dl4j.easedae;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.ModelInputs;

/**
 * What a fitted {@code ease-dae} needs besides the autoencoder's parameters: the number of items,
 * the seed its configuration was built with, and the linear path's weights. It keeps nothing per
 * user: a user is its history.
 */
record EaseDaeState(int numItems, long seed, float[] linear) {
    static final String SHAPE_FILE = "ease-dae-shape.i64";
    static final String LINEAR_FILE = "ease-dae-linear.f32";
    private static final long FORMAT = 1;

    void write(ArtifactWriter out) {
        out.writeLongs(SHAPE_FILE, new long[] {FORMAT, numItems, seed});
        out.writeFloats(LINEAR_FILE, linear);
    }

    static EaseDaeState read(ArtifactReader in, ModelInputs inputs) {
        String where = in.location() + "/" + SHAPE_FILE;
        long[] header = in.readLongs(SHAPE_FILE);
        if (header.length != 3 || header[0] != FORMAT) {
            throw new ArtifactException(where + ": not an ease-dae model header of format " + FORMAT);
        }
        if (header[1] != inputs.numItems()) {
            throw new ArtifactException(where + ": trained for " + header[1] + " items, the inputs have "
                    + inputs.numItems());
        }
        int n = inputs.numItems();
        float[] linear = in.readFiniteFloats(LINEAR_FILE);
        if (linear.length != (long) n * n) {
            throw new ArtifactException(in.location() + "/" + LINEAR_FILE + ": holds " + linear.length
                    + " weights, " + n + " items need " + (long) n * n);
        }
        return new EaseDaeState(n, header[2], linear);
    }
}
