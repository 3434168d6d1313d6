package ${package};

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * |A ∩ B| / |A ∪ B| for the sets A and B of users of two items, 0 when they share fewer than
 * {@code minShared} users. {@code neighbours} compares an item with every other one, which suits
 * a few thousand items. Item features ({@code input.itemFeatures()}) and the interest model's
 * embeddings ({@code input.itemEmbeddings()}) are there for models that want them.
 */
public final class CoUsersSimilarity implements SimilarityModel {
    private final int minShared;
    /** Each item's distinct users, ascending. */
    private final FittedState<int[][]> usersOf;

    public CoUsersSimilarity(int minShared, String path) {
        this.minShared = minShared;
        this.usersOf = new FittedState<>(path, ExamplePlugin.NAME + "-co-users");
    }

    @Override
    public void fit(SimilarityInput input) {
        SparseRows byItem = input.train().byItem();
        int[][] sets = new int[input.train().numItems()][];
        for (int item = 0; item < sets.length; item++) {
            sets[item] = IntStream.of(byItem.row(item)).sorted().distinct().toArray();
        }
        usersOf.set(sets);
    }

    @Override
    public float similarity(int a, int b) {
        int[] x = usersOf.get()[a];
        int[] y = usersOf.get()[b];
        int shared = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                shared++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared < minShared ? 0f : (float) shared / (x.length + y.length - shared);
    }

    /** The {@code k} most similar items; items with similarity 0 are never neighbours. */
    @Override
    public ScoredItems neighbours(int item, int k) {
        float[] scores = new float[usersOf.get().length];
        for (int other = 0; other < scores.length; other++) {
            float s = other == item ? 0f : similarity(item, other);
            scores[other] = s > 0 ? s : Float.NaN;   // NaN: left out by topK
        }
        return ScoredItems.topK(scores, k, null);
    }

    @Override
    public void save(ArtifactWriter out) {
        int[][] sets = usersOf.get();
        out.writeInts("sizes.i32", Arrays.stream(sets).mapToInt(users -> users.length).toArray());
        out.writeInts("users.i32", Arrays.stream(sets).flatMapToInt(IntStream::of).toArray());
    }

    @Override
    public void load(ArtifactReader in) {
        int[] sizes = in.readInts("sizes.i32");
        int[] users = in.readInts("users.i32");
        if (IntStream.of(sizes).anyMatch(n -> n < 0) || IntStream.of(sizes).asLongStream().sum() != users.length) {
            throw new ArtifactException(in.location() + ": users.i32 does not match sizes.i32");
        }
        int[][] sets = new int[sizes.length][];
        for (int item = 0, start = 0; item < sets.length; start += sizes[item], item++) {
            sets[item] = Arrays.copyOfRange(users, start, start + sizes[item]);
        }
        usersOf.set(sets);
    }
}
