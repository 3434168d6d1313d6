package dev.m6rec.core.eval;

/**
 * Users grouped by how many training interactions they have, at ascending inclusive upper bounds:
 * bounds {@code [0, 5, 20, 100]} make the groups {@code 0} (cold), {@code 1-5}, {@code 6-20},
 * {@code 21-100} and {@code >100}. No bounds, no groups.
 *
 * <pre>{@code
 * ActivityGroups groups = ActivityGroups.of(new int[] {0, 5, 20, 100}, split.train().byUser());
 * }</pre>
 */
public final class ActivityGroups {
    private final int[] bounds;
    private final int[] groupOfUser;

    private ActivityGroups(int[] bounds, int[] groupOfUser) {
        this.bounds = bounds;
        this.groupOfUser = groupOfUser;
    }

    /**
     * @param bounds         strictly ascending, non-negative inclusive upper bounds
     * @param trainingCounts training interactions of each user index
     */
    public static ActivityGroups of(int[] bounds, int[] trainingCounts) {
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] < 0 || i > 0 && bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException("bounds must be ascending and >= 0: " + java.util.Arrays.toString(bounds));
            }
        }
        int[] groupOfUser = new int[trainingCounts.length];
        for (int u = 0; u < trainingCounts.length; u++) {
            int g = 0;
            while (g < bounds.length && trainingCounts[u] > bounds[g]) {
                g++;
            }
            groupOfUser[u] = g;
        }
        return new ActivityGroups(bounds.clone(), groupOfUser);
    }

    /** Groups from the users' row lengths in {@code train.byUser()}. */
    public static ActivityGroups of(int[] bounds, dev.m6rec.api.data.SparseRows trainByUser) {
        int[] counts = new int[trainByUser.rows()];
        for (int u = 0; u < counts.length; u++) {
            counts[u] = trainByUser.length(u);
        }
        return of(bounds, counts);
    }

    /** No groups at all. */
    public static ActivityGroups none() {
        return new ActivityGroups(new int[0], new int[0]);
    }

    /** How many groups there are: one more than bounds, none without bounds. */
    public int size() {
        return bounds.length == 0 ? 0 : bounds.length + 1;
    }

    /** The group of a user index. */
    public int groupOf(int user) {
        return groupOfUser[user];
    }

    /** {@code 0}, {@code 1-5}, {@code >100}: the training interactions a group covers. */
    public String label(int group) {
        if (group == bounds.length) {
            return ">" + bounds[group - 1];
        }
        int low = group == 0 ? 0 : bounds[group - 1] + 1;
        return low == bounds[group] ? Integer.toString(low) : low + "-" + bounds[group];
    }
}
