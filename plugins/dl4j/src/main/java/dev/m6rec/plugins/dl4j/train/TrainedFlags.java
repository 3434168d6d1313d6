package dev.m6rec.plugins.dl4j.train;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;

/**
 * Which users (or items) had training interactions: the others score through a model's
 * cold-start row. Stored in an artifact as the sorted indexes of the flagged entities.
 *
 * <pre>{@code
 * boolean[] trainedUsers = TrainedFlags.of(train.byUser().offsets());
 * TrainedFlags.write(out, "trained-users.i32", trainedUsers);
 * boolean[] restored = TrainedFlags.read(in, "trained-users.i32", numUsers);
 * }</pre>
 */
public final class TrainedFlags {
    private TrainedFlags() {
    }

    /** One flag per row of a CSR {@code offsets} array: true when the row is not empty. */
    public static boolean[] of(int[] offsets) {
        boolean[] flags = new boolean[offsets.length - 1];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = offsets[i + 1] > offsets[i];
        }
        return flags;
    }

    public static void write(ArtifactWriter out, String name, boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        int[] indexes = new int[count];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                indexes[k++] = i;
            }
        }
        out.writeInts(name, indexes);
    }

    /** Reads flags for {@code size} entities; an index outside {@code 0..size-1} is a corrupt artifact. */
    public static boolean[] read(ArtifactReader in, String name, int size) {
        boolean[] flags = new boolean[size];
        for (int index : in.readInts(name)) {
            if (index < 0 || index >= size) {
                throw new ArtifactException(in.location() + "/" + name + ": index " + index + " outside 0.." + (size - 1));
            }
            flags[index] = true;
        }
        return flags;
    }
}
