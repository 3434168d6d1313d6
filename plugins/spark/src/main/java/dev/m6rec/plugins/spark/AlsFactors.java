package dev.m6rec.plugins.spark;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;

/**
 * What ALS learned, as M6-Rec stores it: raw float32 factor tables (no Spark model format), a
 * marker per user that had training interactions, and the training popularity used for users with
 * no evidence at all. The artifact folder holds {@code header.i32} ({@code [version, users, items,
 * rank]}) and one typed array file per table; core checksums every file.
 *
 * @param userFactors  numUsers x rank, row-major; zero rows for users without training interactions
 * @param itemFactors  numItems x rank, row-major; zero rows for items without training interactions
 * @param trainedUsers 1 for a user ALS learned a vector for
 * @param popularity   training interactions per item scaled into [0, 0.001]
 */
record AlsFactors(int numUsers, int numItems, int rank, float[] userFactors, float[] itemFactors,
                  int[] trainedUsers, float[] popularity) {
    private static final int FORMAT_VERSION = 1;
    private static final String HEADER = "header.i32";
    private static final String USER_FACTORS = "user-factors.f32";
    private static final String ITEM_FACTORS = "item-factors.f32";
    private static final String TRAINED_USERS = "trained-users.i32";
    private static final String POPULARITY = "popularity.f32";
    /** The largest popularity score, far below factor scores, so "no evidence" never looks like evidence. */
    static final float POPULARITY_SCALE = 1e-3f;

    /** Scales per-item interaction counts so the most popular item scores {@link #POPULARITY_SCALE}. */
    static float[] popularity(int[] itemCounts) {
        int max = 1;
        for (int c : itemCounts) {
            max = Math.max(max, c);
        }
        float[] scores = new float[itemCounts.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) ((double) itemCounts[i] / max * POPULARITY_SCALE);
        }
        return scores;
    }

    void save(ArtifactWriter out) {
        out.writeInts(HEADER, new int[] {FORMAT_VERSION, numUsers, numItems, rank});
        out.writeFloats(USER_FACTORS, userFactors);
        out.writeFloats(ITEM_FACTORS, itemFactors);
        out.writeInts(TRAINED_USERS, trainedUsers);
        out.writeFloats(POPULARITY, popularity);
    }

    /** Reads the tables back, refusing another id space, a wrong length or a non-finite factor. */
    static AlsFactors load(ArtifactReader in, int runUsers, int runItems) {
        int[] header = in.readInts(HEADER);
        String where = in.location() + "/" + HEADER;
        if (header.length != 4 || header[0] != FORMAT_VERSION) {
            throw new ArtifactException(where + ": not an als model of format version " + FORMAT_VERSION);
        }
        int users = header[1];
        int items = header[2];
        int rank = header[3];
        if (users != runUsers || items != runItems) {
            throw new ArtifactException(where + ": the model was fitted on " + users + " users and " + items
                    + " items but the run has " + runUsers + " and " + runItems);
        }
        if (rank < 1) {
            throw new ArtifactException(where + ": rank must be >= 1 (was " + rank + ")");
        }
        return new AlsFactors(users, items, rank,
                floats(in, USER_FACTORS, (long) users * rank), floats(in, ITEM_FACTORS, (long) items * rank),
                ints(in, TRAINED_USERS, users), floats(in, POPULARITY, items));
    }

    private static float[] floats(ArtifactReader in, String name, long expected) {
        float[] values = in.readFiniteFloats(name);
        requireLength(in, name, values.length, expected);
        return values;
    }

    private static int[] ints(ArtifactReader in, String name, long expected) {
        int[] values = in.readInts(name);
        requireLength(in, name, values.length, expected);
        return values;
    }

    private static void requireLength(ArtifactReader in, String name, int length, long expected) {
        if (length != expected) {
            throw new ArtifactException(in.location() + "/" + name + ": holds " + length + " values, expected "
                    + expected);
        }
    }
}
