package dev.m6rec.plugins.dl4j.sasrec;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.ModelInputs;

/**
 * A fitted {@code sasrec} in an artifact: a header with its shape, and every parameter in
 * {@link SasRecParameters}' layout. It keeps nothing per user: a user is its history.
 */
final class SasRecState {
    static final String HEADER = "sasrec-shape.i64";
    static final String PARAMETERS = "sasrec-parameters.f32";
    private static final long FORMAT = 1;

    private SasRecState() {
    }

    static void write(ArtifactWriter out, SasRecParameters p) {
        out.writeLongs(HEADER, new long[] {FORMAT, p.numItems, p.hidden, p.blocks, p.length});
        out.writeFloats(PARAMETERS, p.flatten());
    }

    static SasRecParameters read(ArtifactReader in, ModelInputs inputs, SasRecSettings settings) {
        String where = in.location() + "/" + HEADER;
        long[] header = in.readLongs(HEADER);
        if (header.length != 5 || header[0] != FORMAT) {
            throw new ArtifactException(where + ": not a sasrec model header of format " + FORMAT);
        }
        if (header[1] != inputs.numItems()) {
            throw new ArtifactException(where + ": trained for " + header[1] + " items, the inputs have "
                    + inputs.numItems());
        }
        if (header[2] != settings.hidden() || header[3] != settings.blocks() || header[4] != settings.length()) {
            throw new ArtifactException(where + ": trained with hidden " + header[2] + ", blocks " + header[3]
                    + ", length " + header[4] + "; the configuration says " + settings.hidden() + ", "
                    + settings.blocks() + ", " + settings.length());
        }
        SasRecParameters shape = SasRecParameters.zeros(inputs.numItems(), settings.hidden(), settings.blocks(),
                settings.length());
        float[] values = in.readFiniteFloats(PARAMETERS);
        if (values.length != shape.size()) {
            throw new ArtifactException(in.location() + "/" + PARAMETERS + ": " + values.length
                    + " parameters, the shape needs " + shape.size());
        }
        return shape.withValues(values);
    }
}
