package dev.m6rec.bench.similarity;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The benchmark's generated data and its files, shared with the Python side. All files are
 * little-endian: a sparse matrix is {@code int32 magic 'SPR1', users, items, nnz} then
 * {@code int32 users[nnz], int32 items[nnz], float32 values[nnz]}; a dense one is
 * {@code int32 magic 'DNS1', rows, dims} then {@code float32 data[rows*dims]}; neighbour lists
 * are {@code int32 items, k} then {@code int32 neighbours[items*k]} (-1 pads) and
 * {@code float32 scores[items*k]}.
 */
final class BenchData {
    static final int SPARSE_MAGIC = 0x31525053;
    static final int DENSE_MAGIC = 0x31534e44;

    private BenchData() {
    }

    /** A user-item matrix as coordinate arrays. */
    record Sparse(int users, int items, int[] userIndexes, int[] itemIndexes, float[] values) {
    }

    /** A row-major float matrix. */
    record Dense(int rows, int dims, float[] data) {
    }

    /**
     * Ratings with skewed user activity (log-normal, at least {@code minPerUser}) and skewed item
     * popularity (Zipf-like weights {@code 1/(rank+10)^exponent} over a random permutation of the
     * items); no (user, item) pair repeats. Ratings 1..5 roughly as in MovieLens.
     */
    static Sparse ratings(long seed, int users, int items, int total, int minPerUser, int maxPerUser, double exponent) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] counts = activity(rng, users, total, minPerUser, maxPerUser);
        int[] permutation = permutation(rng, items);
        double[] cumulative = new double[items];
        double sum = 0;
        for (int r = 0; r < items; r++) {
            sum += Math.pow(r + 10, -exponent);
            cumulative[r] = sum;
        }
        int[] u = new int[total];
        int[] it = new int[total];
        float[] v = new float[total];
        int[] stamp = new int[items];
        Arrays.fill(stamp, -1);
        double[] ratingCdf = {0.06, 0.17, 0.44, 0.78, 1.0};
        int at = 0;
        for (int user = 0; user < users; user++) {
            for (int c = 0; c < counts[user]; ) {
                int rank = Arrays.binarySearch(cumulative, rng.nextDouble() * sum);
                int item = permutation[rank < 0 ? Math.min(items - 1, -rank - 1) : rank];
                if (stamp[item] == user) {
                    continue;
                }
                stamp[item] = user;
                double p = rng.nextDouble();
                int rating = 1;
                while (p > ratingCdf[rating - 1]) {
                    rating++;
                }
                u[at] = user;
                it[at] = item;
                v[at] = rating;
                at++;
                c++;
            }
        }
        return new Sparse(users, items, u, it, v);
    }

    /** Per-user counts summing to {@code total}: {@code min} plus a log-normal share, capped. */
    private static int[] activity(SplittableRandom rng, int users, int total, int min, int max) {
        double[] raw = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            raw[u] = Math.exp(gaussian(rng));
            sum += raw[u];
        }
        int[] counts = new int[users];
        long assigned = 0;
        for (int u = 0; u < users; u++) {
            counts[u] = (int) Math.min(max, min + Math.round(raw[u] / sum * (total - (long) min * users)));
            assigned += counts[u];
        }
        // Spread the rounding remainder one by one over users below the cap.
        for (int u = 0; assigned != total; u = (u + 1) % users) {
            if (assigned < total && counts[u] < max) {
                counts[u]++;
                assigned++;
            } else if (assigned > total && counts[u] > min) {
                counts[u]--;
                assigned--;
            }
        }
        return counts;
    }

    /** Gaussian clusters: {@code centres} random centres, each row a centre plus noise of scale {@code noise}. */
    static Dense clusters(long seed, int rows, int dims, int centres, double noise) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] c = new float[centres * dims];
        for (int p = 0; p < c.length; p++) {
            c[p] = (float) gaussian(rng);
        }
        float[] data = new float[rows * dims];
        for (int r = 0; r < rows; r++) {
            int centre = rng.nextInt(centres);
            for (int k = 0; k < dims; k++) {
                data[r * dims + k] = c[centre * dims + k] + (float) (noise * gaussian(rng));
            }
        }
        return new Dense(rows, dims, data);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int[] permutation(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static void write(Path file, Sparse m) throws IOException {
        int nnz = m.userIndexes().length;
        ByteBuffer b = ByteBuffer.allocate(16 + nnz * 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(SPARSE_MAGIC).putInt(m.users()).putInt(m.items()).putInt(nnz);
        b.asIntBuffer().put(m.userIndexes());
        b.position(16 + nnz * 4);
        b.asIntBuffer().put(m.itemIndexes());
        b.position(16 + nnz * 8);
        b.asFloatBuffer().put(m.values());
        Files.write(file, b.array());
    }

    static void write(Path file, Dense m) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + m.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(DENSE_MAGIC).putInt(m.rows()).putInt(m.dims());
        b.asFloatBuffer().put(m.data());
        Files.write(file, b.array());
    }

    /** Reads a file written by either side: a {@link Sparse} or a {@link Dense}. */
    static Object read(Path file) throws IOException {
        ByteBuffer b;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            b = ByteBuffer.allocate((int) ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // keep reading
            }
        }
        b.flip();
        int magic = b.getInt();
        if (magic == SPARSE_MAGIC) {
            int users = b.getInt();
            int items = b.getInt();
            int nnz = b.getInt();
            int[] u = new int[nnz];
            int[] it = new int[nnz];
            float[] v = new float[nnz];
            b.asIntBuffer().get(u);
            b.position(16 + nnz * 4);
            b.asIntBuffer().get(it);
            b.position(16 + nnz * 8);
            b.asFloatBuffer().get(v);
            return new Sparse(users, items, u, it, v);
        }
        if (magic == DENSE_MAGIC) {
            int rows = b.getInt();
            int dims = b.getInt();
            float[] data = new float[rows * dims];
            b.asFloatBuffer().get(data);
            return new Dense(rows, dims, data);
        }
        throw new IOException(file + ": unknown magic " + Integer.toHexString(magic));
    }

    /** Writes neighbour lists: item rows of k neighbours (-1 past the end) and their scores. */
    static void writeNeighbours(Path file, int items, int k, int[] neighbours, float[] scores) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + items * k * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(items).putInt(k);
        b.asIntBuffer().put(neighbours);
        b.position(8 + items * k * 4);
        b.asFloatBuffer().put(scores);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(b.array());
        }
    }
}
