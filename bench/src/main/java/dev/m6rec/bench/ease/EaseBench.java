package dev.m6rec.bench.ease;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.bench.BenchHost;
import dev.m6rec.plugins.baselines.EaseFactory;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Java half of bench/ease/run.sh: fits the {@code ease} plugin on the interactions numpy
 * generated (a little-endian int32 file: users, items, pairs, then user and item per pair), prints
 * the wall time of the fit, and writes the rows of {@code B} numpy compares against.
 *
 * <pre>{@code
 * java -cp "$cp" dev.m6rec.bench.ease.EaseBench pairs.i32 LAMBDA THREADS rows.i32 out.f32
 * }</pre>
 */
public final class EaseBench {
    private EaseBench() {
    }

    public static void main(String[] args) throws IOException {
        Path pairs = Path.of(args[0]);
        double lambda = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(pairs)).order(ByteOrder.LITTLE_ENDIAN);
        int users = in.getInt();
        int items = in.getInt();
        int count = in.getInt();
        Interactions.Builder train = Interactions.builder(users, items, false, false);
        for (int k = 0; k < count; k++) {
            train.add(in.getInt(), in.getInt(), 1f, 0L);
        }
        Interactions interactions = train.build();
        ByteBuffer rowsIn = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[3]))).order(ByteOrder.LITTLE_ENDIAN);
        int[] rows = new int[rowsIn.remaining() / Integer.BYTES];
        rowsIn.asIntBuffer().get(rows);

        Dataset dataset = new Dataset("ease-bench", IdIndex.range("u", users), IdIndex.range("i", items), interactions,
                AttributeTable.empty(users), AttributeTable.empty(items), Map.of());
        DataSplit split = new DataSplit(dataset, interactions, interactions.empty(), interactions.empty());
        ModelInputs inputs = new ModelInputs(users, items, FeatureMatrix.empty(users), FeatureMatrix.empty(items),
                Optional.empty());
        // Loading the native library once per process is not part of a fit (numpy's import is not timed either).
        org.bytedeco.javacpp.Loader.load(org.bytedeco.openblas.global.openblas.class);
        try (BenchHost host = new BenchHost(threads)) {
            InterestModel model = BenchHost.create(new EaseFactory(),
                    Map.of("lambda", lambda, "max-items", items), host.context(1, "interest", new PhaseTimes()));
            long started = System.nanoTime();
            model.fit(new TrainingData(split, inputs, ValidationScorer.none("ndcg@10")));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "m6rec %d %.3f%n", items, seconds);
            // Row h of B is the score vector of a history holding h alone.
            float[] scores = new float[items];
            ByteBuffer row = ByteBuffer.allocate(items * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[4])))) {
                for (int h : rows) {
                    model.scoreAll(UserProfile.of(-1, new int[] {h}, null, new float[0]), scores);
                    row.clear();
                    row.asFloatBuffer().put(scores);
                    out.write(row.array());
                }
            }
        }
    }

    /** Prints each fit phase's start on stderr with the seconds since the fit began. */
    private static final class PhaseTimes implements ProgressReporter {
        private final long started = System.nanoTime();

        private void print(String message) {
            System.err.printf(Locale.ROOT, "  %7.3f s  %s%n", (System.nanoTime() - started) / 1e9, message);
        }

        @Override
        public ProgressTask begin(String name, long total) {
            return new ProgressTask() {
                @Override
                public void advance(long units) {
                }

                @Override
                public void message(String message) {
                    print(message);
                }

                @Override
                public void close() {
                    print("done");
                }
            };
        }

        @Override
        public void info(String message) {
            print(message);
        }
    }
}
