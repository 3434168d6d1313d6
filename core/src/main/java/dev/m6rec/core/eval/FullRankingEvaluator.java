package dev.m6rec.core.eval;

import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Full-ranking evaluation: every item is scored for every user with held-out items, the user's
 * known items (their profile history) are excluded, and the top-K list is compared with the
 * held-out items. Users without held-out items are not counted. Metrics are the mean over
 * counted users. Users are spread over the executor's threads; per-user values are summed in user
 * order, so results do not depend on the thread count.
 */
public final class FullRankingEvaluator {
    private final List<MetricSpec> metrics;
    private final RankingMetric[] measures;
    private final int maxK;
    private final ExecutorService executor;
    private final int threads;

    public FullRankingEvaluator(List<MetricSpec> metrics, ExecutorService executor, int threads) {
        this.metrics = List.copyOf(metrics);
        this.measures = metrics.stream().map(m -> RankingMetric.named(m.metric())).toArray(RankingMetric[]::new);
        this.maxK = metrics.stream().mapToInt(MetricSpec::k).max().orElse(10);
        this.executor = executor;
        this.threads = Math.max(1, threads);
    }

    /**
     * @param model    the fitted model
     * @param profiles the profile of each user index (history = items known before {@code targets})
     * @param targets  held-out interactions (valid or test)
     * @param users    the users to consider, or null for all users with targets
     * @return metric name to mean value, in the order metrics were given; NaN when no user counts
     */
    public Map<String, Double> evaluate(InterestModel model, IntFunction<UserProfile> profiles, Interactions targets,
                                        int[] users) {
        return evaluate(TopKRanker.fullRanking(model), profiles, targets, users);
    }

    /** As above, with the top-K lists coming from any ranker (e.g. the recall-rank-re-rank path). */
    public Map<String, Double> evaluate(TopKRanker ranker, IntFunction<UserProfile> profiles, Interactions targets,
                                        int[] users) {
        SparseRows byUser = targets.byUser();
        int[] counted = users != null ? users : usersWithTargets(byUser);
        double[][] values = new double[counted.length][];
        int chunk = Math.max(1, (counted.length + threads * 4 - 1) / (threads * 4));
        List<Future<?>> work = new ArrayList<>();
        for (int start = 0; start < counted.length; start += chunk) {
            int from = start;
            int to = Math.min(counted.length, start + chunk);
            work.add(executor.submit(() -> evaluateRange(ranker, profiles, byUser, counted, from, to, values)));
        }
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("evaluation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        double[] sums = new double[measures.length];
        int n = 0;
        for (double[] v : values) {
            if (v == null) {
                continue;
            }
            n++;
            for (int m = 0; m < sums.length; m++) {
                sums[m] += v[m];
            }
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (int m = 0; m < sums.length; m++) {
            result.put(metrics.get(m).toString(), n == 0 ? Double.NaN : sums[m] / n);
        }
        return result;
    }

    private static int[] usersWithTargets(SparseRows byUser) {
        int count = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            if (byUser.length(u) > 0) {
                count++;
            }
        }
        int[] users = new int[count];
        int i = 0;
        for (int u = 0; u < byUser.rows(); u++) {
            if (byUser.length(u) > 0) {
                users[i++] = u;
            }
        }
        return users;
    }

    private void evaluateRange(TopKRanker ranker, IntFunction<UserProfile> profiles, SparseRows targets,
                               int[] users, int from, int to, double[][] out) {
        int numItems = targets.columns();
        boolean[] excluded = new boolean[numItems];
        boolean[] relevant = new boolean[numItems];
        boolean[] hits = new boolean[maxK];
        for (int i = from; i < to; i++) {
            int u = users[i];
            if (targets.length(u) == 0) {
                continue;
            }
            UserProfile profile = profiles.apply(u);
            for (int item : profile.history()) {
                excluded[item] = true;
            }
            int numRelevant = 0;
            for (int k = targets.start(u); k < targets.end(u); k++) {
                int item = targets.column(k);
                // An item seen before and held out again cannot be recommended; count it once.
                if (!excluded[item] && !relevant[item]) {
                    relevant[item] = true;
                    numRelevant++;
                }
            }
            if (numRelevant > 0) {
                ScoredItems top = ranker.topK(profile, maxK, excluded);
                for (int r = 0; r < top.size(); r++) {
                    hits[r] = relevant[top.item(r)];
                }
                double[] v = new double[measures.length];
                for (int m = 0; m < measures.length; m++) {
                    v[m] = measures[m].compute(hits, top.size(), metrics.get(m).k(), numRelevant);
                }
                out[i] = v;
            }
            for (int item : profile.history()) {
                excluded[item] = false;
            }
            for (int k = targets.start(u); k < targets.end(u); k++) {
                relevant[targets.column(k)] = false;
            }
        }
    }
}
