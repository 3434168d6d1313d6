package dev.m6rec.api.data;

import java.util.Arrays;

/**
 * User-item interactions in columns of primitive arrays: row {@code i} is user {@code user(i)}
 * touching item {@code item(i)}, with an optional rating and an optional timestamp (seconds).
 * Immutable; the CSR views are built once on first use.
 *
 * <pre>{@code
 * Interactions.Builder b = Interactions.builder(numUsers, numItems, true, true);
 * b.add(user, item, 4.0f, 881250949L);
 * Interactions all = b.build();
 * Interactions firstHalf = all.select(IntStream.range(0, all.size() / 2).toArray());
 * }</pre>
 */
public final class Interactions {
    private final int numUsers;
    private final int numItems;
    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final long[] timestamps;
    private volatile SparseRows byUser;
    private volatile SparseRows byItem;

    /**
     * Interactions over copies of the given columns, checked: equal lengths, ids within
     * {@code [0, numUsers)} and {@code [0, numItems)}.
     *
     * @param ratings    per-row ratings or {@code null} when the data has none
     * @param timestamps per-row timestamps or {@code null} when the data has none
     */
    public Interactions(int numUsers, int numItems, int[] users, int[] items, float[] ratings, long[] timestamps) {
        this(numUsers, numItems, users.clone(), items.clone(), ratings == null ? null : ratings.clone(),
                timestamps == null ? null : timestamps.clone(), true);
    }

    /**
     * As the constructor, but the columns are taken over without copying (loaders build arrays of
     * millions of rows): the caller must not change them afterwards.
     */
    public static Interactions adopt(int numUsers, int numItems, int[] users, int[] items, float[] ratings,
                                     long[] timestamps) {
        return new Interactions(numUsers, numItems, users, items, ratings, timestamps, true);
    }

    private Interactions(int numUsers, int numItems, int[] users, int[] items, float[] ratings, long[] timestamps,
                         boolean check) {
        if (users.length != items.length
                || (ratings != null && ratings.length != users.length)
                || (timestamps != null && timestamps.length != users.length)) {
            throw new IllegalArgumentException("column lengths differ");
        }
        if (check) {
            checkIds("user", users, numUsers);
            checkIds("item", items, numItems);
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.users = users;
        this.items = items;
        this.ratings = ratings;
        this.timestamps = timestamps;
    }

    private static void checkIds(String what, int[] ids, int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException(what + " count is negative: " + bound);
        }
        for (int r = 0; r < ids.length; r++) {
            if (ids[r] < 0 || ids[r] >= bound) {
                throw new IllegalArgumentException("row " + r + ": " + what + " index " + ids[r]
                        + " is outside [0, " + bound + ")");
            }
        }
    }

    public static Builder builder(int numUsers, int numItems, boolean withRatings, boolean withTimestamps) {
        return new Builder(numUsers, numItems, withRatings, withTimestamps);
    }

    /** No interactions over the same id spaces. */
    public Interactions empty() {
        return new Interactions(numUsers, numItems, new int[0], new int[0],
                ratings == null ? null : new float[0], timestamps == null ? null : new long[0], false);
    }

    public int size() {
        return users.length;
    }

    public int numUsers() {
        return numUsers;
    }

    public int numItems() {
        return numItems;
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    public boolean hasRatings() {
        return ratings != null;
    }

    public boolean hasTimestamps() {
        return timestamps != null;
    }

    /** The rating of a row, or 1 when the data has no ratings (implicit feedback). */
    public float rating(int row) {
        return ratings == null ? 1f : ratings[row];
    }

    /** The timestamp of a row, or the row number when the data has no timestamps. */
    public long timestamp(int row) {
        return timestamps == null ? row : timestamps[row];
    }

    /** The rows of {@code first} followed by those of {@code second} (same id spaces). */
    public static Interactions concat(Interactions first, Interactions second) {
        if (first.numUsers != second.numUsers || first.numItems != second.numItems) {
            throw new IllegalArgumentException("id spaces differ");
        }
        int n = first.size() + second.size();
        int[] u = java.util.Arrays.copyOf(first.users, n);
        int[] i = java.util.Arrays.copyOf(first.items, n);
        System.arraycopy(second.users, 0, u, first.size(), second.size());
        System.arraycopy(second.items, 0, i, first.size(), second.size());
        float[] r = null;
        if (first.ratings != null && second.ratings != null) {
            r = java.util.Arrays.copyOf(first.ratings, n);
            System.arraycopy(second.ratings, 0, r, first.size(), second.size());
        }
        long[] t = null;
        if (first.timestamps != null && second.timestamps != null) {
            t = java.util.Arrays.copyOf(first.timestamps, n);
            System.arraycopy(second.timestamps, 0, t, first.size(), second.size());
        }
        return new Interactions(first.numUsers, first.numItems, u, i, r, t, false);
    }

    /** The rows at the given positions, in that order. */
    public Interactions select(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        float[] r = ratings == null ? null : new float[rows.length];
        long[] t = timestamps == null ? null : new long[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int row = rows[k];
            u[k] = users[row];
            i[k] = items[row];
            if (r != null) {
                r[k] = ratings[row];
            }
            if (t != null) {
                t[k] = timestamps[row];
            }
        }
        return new Interactions(numUsers, numItems, u, i, r, t, false);
    }

    /** Interactions grouped by user; within a user, oldest first. */
    public SparseRows byUser() {
        SparseRows view = byUser;
        if (view == null) {
            view = group(users, items, numUsers, numItems);
            byUser = view;
        }
        return view;
    }

    /** Interactions grouped by item; within an item, oldest first. */
    public SparseRows byItem() {
        SparseRows view = byItem;
        if (view == null) {
            view = group(items, users, numItems, numUsers);
            byItem = view;
        }
        return view;
    }

    /** All row numbers, oldest first; equal timestamps keep input order. */
    public int[] rowsByTime() {
        int[] rows = new int[users.length];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = k;
        }
        if (timestamps != null) {
            sortByTime(rows, 0, rows.length, new int[rows.length]);
        }
        return rows;
    }

    /** Interactions per item, as a fresh array. */
    public int[] itemCounts() {
        int[] counts = new int[numItems];
        for (int item : items) {
            counts[item]++;
        }
        return counts;
    }

    /**
     * Rows grouped by {@code keys}, each group oldest first, equal timestamps in input order: a
     * counting sort by key keeps input order, then each group is sorted by time on its own. That is
     * the order a stable sort of all rows by time would give each group, at the cost of the groups
     * (a user's few dozen rows, mostly already in order), not of a merge sort over all rows.
     */
    private SparseRows group(int[] keys, int[] others, int numKeys, int numOthers) {
        int n = keys.length;
        int[] offsets = new int[numKeys + 1];
        for (int key : keys) {
            offsets[key + 1]++;
        }
        for (int k = 0; k < numKeys; k++) {
            offsets[k + 1] += offsets[k];
        }
        int[] fill = Arrays.copyOf(offsets, numKeys);
        int[] sources = new int[n];
        for (int row = 0; row < n; row++) {
            sources[fill[keys[row]]++] = row;
        }
        if (timestamps != null) {
            int[] tmp = new int[n];
            for (int k = 0; k < numKeys; k++) {
                sortByTime(sources, offsets[k], offsets[k + 1], tmp);
            }
        }
        int[] columns = new int[n];
        for (int p = 0; p < n; p++) {
            columns[p] = others[sources[p]];
        }
        return new SparseRows(numKeys, numOthers, offsets, columns, sources);
    }

    /**
     * Sorts the row numbers {@code a[from .. to)} by timestamp in place, stably (equal timestamps
     * keep their order): a bottom-up merge sort on primitives through {@code tmp}, skipped when the
     * range is already in order.
     */
    private void sortByTime(int[] a, int from, int to, int[] tmp) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            sorted = timestamps[a[k - 1]] <= timestamps[a[k]];
        }
        if (sorted) {
            return;
        }
        for (int width = 1; width < to - from; width *= 2) {
            for (int lo = from; lo < to - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, to);
                int x = lo;
                int y = mid;
                int z = lo;
                while (x < mid && y < hi) {
                    tmp[z++] = timestamps[a[y]] < timestamps[a[x]] ? a[y++] : a[x++];
                }
                while (x < mid) {
                    tmp[z++] = a[x++];
                }
                while (y < hi) {
                    tmp[z++] = a[y++];
                }
                System.arraycopy(tmp, lo, a, lo, hi - lo);
            }
        }
    }

    /** Appends rows into growable primitive arrays; no object per row. */
    public static final class Builder {
        private final int numUsers;
        private final int numItems;
        private int size;
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] ratings;
        private long[] timestamps;

        private Builder(int numUsers, int numItems, boolean withRatings, boolean withTimestamps) {
            this.numUsers = numUsers;
            this.numItems = numItems;
            this.ratings = withRatings ? new float[1024] : null;
            this.timestamps = withTimestamps ? new long[1024] : null;
        }

        public Builder add(int user, int item, float rating, long timestamp) {
            if (user < 0 || user >= numUsers || item < 0 || item >= numItems) {
                throw new IllegalArgumentException("index out of range: user " + user + ", item " + item);
            }
            if (size == users.length) {
                int capacity = size * 2;
                users = Arrays.copyOf(users, capacity);
                items = Arrays.copyOf(items, capacity);
                if (ratings != null) {
                    ratings = Arrays.copyOf(ratings, capacity);
                }
                if (timestamps != null) {
                    timestamps = Arrays.copyOf(timestamps, capacity);
                }
            }
            users[size] = user;
            items[size] = item;
            if (ratings != null) {
                ratings[size] = rating;
            }
            if (timestamps != null) {
                timestamps[size] = timestamp;
            }
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public Interactions build() {
            return adopt(numUsers, numItems, Arrays.copyOf(users, size), Arrays.copyOf(items, size),
                    ratings == null ? null : Arrays.copyOf(ratings, size),
                    timestamps == null ? null : Arrays.copyOf(timestamps, size));
        }
    }
}
