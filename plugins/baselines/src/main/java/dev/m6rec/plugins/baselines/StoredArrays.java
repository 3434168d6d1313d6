package dev.m6rec.plugins.baselines;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;

/**
 * The header every baseline writes first ({@code header.i32}: format version, model kind and the
 * dimensions it was fitted on) and length-checked reads of its raw arrays, so a model loaded
 * into a run with different id spaces, or from a damaged folder, fails with a clear
 * {@link ArtifactException} instead of an index error at scoring time.
 */
final class StoredArrays {
    static final String HEADER = "header.i32";
    private static final int FORMAT_VERSION = 1;

    private StoredArrays() {
    }

    /** Writes {@code [version, kind, dims...]}; {@code kind} tells the four models' folders apart. */
    static void writeHeader(ArtifactWriter out, int kind, int... dims) {
        int[] header = new int[dims.length + 2];
        header[0] = FORMAT_VERSION;
        header[1] = kind;
        System.arraycopy(dims, 0, header, 2, dims.length);
        out.writeInts(HEADER, header);
    }

    /** Reads the header and returns its dimensions after checking version, kind and count. */
    static int[] readHeader(ArtifactReader in, int kind, String model, int dimCount) {
        int[] header = in.readInts(HEADER);
        String where = in.location() + "/" + HEADER;
        if (header.length < 2 || header[0] != FORMAT_VERSION) {
            throw new ArtifactException(where + ": unsupported format version "
                    + (header.length == 0 ? "(none)" : header[0]) + ", expected " + FORMAT_VERSION);
        }
        if (header[1] != kind || header.length != dimCount + 2) {
            throw new ArtifactException(where + ": not a " + model + " model");
        }
        int[] dims = new int[dimCount];
        System.arraycopy(header, 2, dims, 0, dimCount);
        return dims;
    }

    /** Fails unless the model was fitted on the same number of items as the run it is loaded into. */
    static void requireSame(ArtifactReader in, String what, int saved, int current) {
        if (saved != current) {
            throw new ArtifactException(in.location() + "/" + HEADER + ": the model was fitted on " + saved
                    + " " + what + " but the run has " + current);
        }
    }

    /** Model parameters and scores, so every value must be finite. */
    static float[] readFloats(ArtifactReader in, String name, long expectedLength) {
        float[] values = in.readFiniteFloats(name);
        requireLength(in, name, values.length, expectedLength);
        return values;
    }

    static int[] readInts(ArtifactReader in, String name, long expectedLength) {
        int[] values = in.readInts(name);
        requireLength(in, name, values.length, expectedLength);
        return values;
    }

    private static void requireLength(ArtifactReader in, String name, int length, long expected) {
        if (length != expected) {
            throw new ArtifactException(in.location() + "/" + name + ": holds " + length
                    + " values, expected " + expected);
        }
    }
}
