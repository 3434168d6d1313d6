package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.plugins.dl4j.train.TrainedFlags;

/**
 * What a fitted {@code cnn} needs besides its parameters: the id-space sizes, the seed its
 * configuration was built with, and which users and items had training interactions.
 */
record CaserState(CaserShape shape, long seed, boolean[] trainedUsers, boolean[] trainedItems) {
    static final String FILE = "cnn-shape.i64";
    private static final long FORMAT = 1;

    void write(ArtifactWriter out) {
        out.writeLongs(FILE, new long[] {FORMAT, shape.numUsers(), shape.numItems(), seed});
        TrainedFlags.write(out, "trained-users.i32", trainedUsers);
        TrainedFlags.write(out, "trained-items.i32", trainedItems);
    }

    static CaserState read(ArtifactReader in, ModelInputs inputs) {
        String where = in.location() + "/" + FILE;
        long[] header = in.readLongs(FILE);
        if (header.length != 4 || header[0] != FORMAT) {
            throw new ArtifactException(where + ": not a cnn model header of format " + FORMAT);
        }
        if (header[1] != inputs.numUsers() || header[2] != inputs.numItems()) {
            throw new ArtifactException(where + ": trained for " + header[1] + " users and " + header[2]
                    + " items, the inputs have " + inputs.numUsers() + " and " + inputs.numItems());
        }
        CaserShape shape = new CaserShape((int) header[1], (int) header[2]);
        return new CaserState(shape, header[3], TrainedFlags.read(in, "trained-users.i32", shape.numUsers()),
                TrainedFlags.read(in, "trained-items.i32", shape.numItems()));
    }
}
