package com.example.minimal;

import com.example.minimal.SharedUsersFactory.Settings;
import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Items are similar when the same users interacted with both: |A ∩ B| / (sqrt(|A| |B|) + shrinkage)
 * for the sets A and B of their users, i.e. the cosine of the sets shrunk towards 0 when they
 * share few users. {@code neighbours} compares the item with every other one, which suits a few
 * thousand items; nothing changes after fit/load, so the model is thread-safe.
 *
 * <pre>{@code
 * model.fit(new SimilarityInput(train, itemFeatures, Optional.empty()));
 * model.neighbours(item, 10);   // the items whose users overlap most with item's
 * }</pre>
 */
public final class SharedUsersSimilarity implements SimilarityModel {
    private final Settings settings;
    /** Each item's distinct users, ascending. */
    private final FittedState<int[][]> usersOf;

    /** @param path the config path of the section, for messages */
    public SharedUsersSimilarity(Settings settings, String path) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.usersOf = new FittedState<>(path, "shared-users");
    }

    @Override
    public void fit(SimilarityInput input) {
        SparseRows byItem = input.train().byItem();
        int[][] sets = new int[byItem.rows()][];
        for (int item = 0; item < sets.length; item++) {
            sets[item] = IntStream.of(byItem.row(item)).sorted().distinct().toArray();
        }
        usersOf.set(sets);
    }

    @Override
    public float similarity(int a, int b) {
        int[][] sets = usersOf.get();
        int[] x = sets[a];
        int[] y = sets[b];
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
        return shared == 0 ? 0f : (float) (shared / (Math.sqrt((double) x.length * y.length) + settings.shrinkage()));
    }

    /** The {@code k} most similar items; items sharing no user with {@code item} are never neighbours. */
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
        int start = 0;
        for (int item = 0; item < sets.length; item++) {
            sets[item] = Arrays.copyOfRange(users, start, start + sizes[item]);
            start += sizes[item];
        }
        usersOf.set(sets);
    }
}
