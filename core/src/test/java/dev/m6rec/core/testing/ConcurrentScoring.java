package dev.m6rec.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The thread-safety check every interest model's tests share: a fitted model scores users from
 * four threads at once exactly (bit for bit) as it does from one.
 *
 * <pre>{@code
 * ConcurrentScoring.assertMatchesSequential(model, user -> profile(user), 40, numItems);
 * }</pre>
 */
public final class ConcurrentScoring {
    private ConcurrentScoring() {
    }

    public static void assertMatchesSequential(InterestModel model, IntFunction<UserProfile> profiles, int users,
                                               int numItems) throws Exception {
        float[][] sequential = new float[users][numItems];
        for (int u = 0; u < users; u++) {
            model.scoreAll(profiles.apply(u), sequential[u]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parallel = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                parallel.add(pool.submit(() -> {
                    float[] out = new float[numItems];
                    model.scoreAll(profiles.apply(user), out);
                    return out;
                }));
            }
            for (int u = 0; u < users; u++) {
                assertThat(parallel.get(u).get()).as("user %d", u).containsExactly(sequential[u]);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
