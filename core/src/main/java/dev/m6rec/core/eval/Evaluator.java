package dev.m6rec.core.eval;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.ClickPredictor;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.RatingPredictor;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.exec.ChunkedParallelFor;
import dev.m6rec.core.exec.ScoreBlocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * Evaluates a model on held-out interactions the way the research toolkits do.
 * <ul>
 * <li>Ranking: full (every item is ranked; the user's known items — their profile history — are
 * excluded) or sampled (each held-out item ranked among {@code negatives} sampled negatives per
 * held-out item, uniformly or by popularity). Held-out items already in the history are not
 * counted; users without held-out items are not counted. Ties break towards the lower index.</li>
 * <li>Per-user metrics at K (HR, precision, recall, NDCG, MRR, MAP) and AUC/GAUC are means over
 * counted users (GAUC weighted by held-out items); list metrics (coverage, Gini, novelty,
 * intra-list diversity) are computed over all counted users' top-K lists; RMSE/MAE (for
 * {@link RatingPredictor}s) and LogLoss (for {@link ClickPredictor}s) over held-out interactions
 * (LogLoss with as many sampled negatives as positives). A metric the model cannot produce is NaN.</li>
 * </ul>
 * Users are spread over the executor; per-user values are combined in user order, so results do
 * not depend on the thread count.
 */
public final class Evaluator {
    private final List<MetricSpec> metrics;
    /** The per-user metric of each position in {@code metrics}, null for the others. */
    private final RankingMetric[] perUser;
    private final ExecutorService executor;
    private final int threads;
    private final EvaluationOptions options;
    private final int maxK;
    private final boolean needAuc;
    private final boolean needLists;
    private final boolean needRatings;
    private final boolean needLogLoss;
    private final ProgressReporter progress;
    private final String task;

    public Evaluator(List<MetricSpec> metrics, ExecutorService executor, int threads, EvaluationOptions options) {
        this(metrics, executor, threads, options, ProgressReporter.silent(), "evaluating");
    }

    private Evaluator(List<MetricSpec> metrics, ExecutorService executor, int threads, EvaluationOptions options,
                      ProgressReporter progress, String task) {
        this.progress = progress;
        this.task = task;
        this.metrics = List.copyOf(metrics);
        this.perUser = metrics.stream().map(m -> m.perUserAtK() ? RankingMetric.named(m.metric()) : null)
                .toArray(RankingMetric[]::new);
        this.executor = executor;
        this.threads = Math.max(1, threads);
        this.options = options;
        this.maxK = Math.max(1, metrics.stream().mapToInt(MetricSpec::k).max().orElse(1));
        this.needAuc = has("auc") || has("gauc");
        this.needLists = metrics.stream().anyMatch(MetricSpec::listAtK);
        this.needRatings = has("rmse") || has("mae");
        this.needLogLoss = has("logloss");
    }

    /** Full ranking with defaults: what early stopping and tuning use. */
    public Evaluator(List<MetricSpec> metrics, ExecutorService executor, int threads, int numItems) {
        this(metrics, executor, threads, EvaluationOptions.fullRanking(numItems));
    }

    /** This evaluator, reporting each pass as task {@code name} with users done, users/s and an ETA. */
    public Evaluator reporting(ProgressReporter progress, String name) {
        return new Evaluator(metrics, executor, threads, options, progress, name);
    }

    private boolean has(String name) {
        return metrics.stream().anyMatch(m -> m.metric().equals(name));
    }

    /** Top-K lists from the model's full ranking (or sampled ranking when configured). */
    public Map<String, Double> evaluate(InterestModel model, IntFunction<UserProfile> profiles, Interactions targets,
                                        int[] users) {
        return evaluate(model, TopKRanker.fullRanking(model), profiles, targets, users);
    }

    /**
     * @param model    the fitted model (scores for AUC, sampled ranking, ratings, clicks)
     * @param ranker   where full-ranking top-K lists come from (the model, or the serving path)
     * @param profiles the profile of each user index (history = items known before {@code targets})
     * @param targets  held-out interactions (valid or test)
     * @param users    the users to consider, or null for all users with targets
     * @return metric name to value, in the order metrics were given
     */
    public Map<String, Double> evaluate(InterestModel model, TopKRanker ranker, IntFunction<UserProfile> profiles,
                                        Interactions targets, int[] users) {
        return evaluate(model, ranker, profiles, targets, users, ActivityGroups.none()).metrics();
    }

    /**
     * As {@link #evaluate(InterestModel, TopKRanker, IntFunction, Interactions, int[])}, and the same
     * metrics per activity group from the same per-user results: every user is scored once.
     */
    public Evaluation evaluate(InterestModel model, TopKRanker ranker, IntFunction<UserProfile> profiles,
                               Interactions targets, int[] users, ActivityGroups groups) {
        int[] counted = users != null ? users : targets.byUser().nonEmptyRows();
        return combine(counted, outcomes(model, ranker, profiles, targets, counted), targets.numItems(), groups);
    }

    /**
     * The first half of {@link #evaluate(InterestModel, TopKRanker, IntFunction, Interactions, int[], ActivityGroups)}:
     * what each of {@code users} contributes, aligned with {@code users} (null for a user without
     * rows in {@code targets}). Each user's outcome depends on that user alone (negatives are seeded
     * per user), so a distributed engine may compute the outcomes of disjoint parts of the users in
     * different JVMs and {@link #combine} them on one.
     *
     * @param targets held-out interactions; only the rows of {@code users} are read
     */
    public UserOutcome[] outcomes(InterestModel model, TopKRanker ranker, IntFunction<UserProfile> profiles,
                                  Interactions targets, int[] users) {
        return outcomes(model, ranker, profiles, targets, users, chunkBounds(users.length));
    }

    /**
     * As {@link #outcomes(InterestModel, TopKRanker, IntFunction, Interactions, int[])}, with the users
     * already cut into chunks: chunk {@code c} is {@code users[bounds[c], bounds[c + 1])}, scored in
     * blocks from its first user. A distributed engine that gives each task whole chunks of
     * {@link #chunkBounds} scores every user in the same block as this machine does, so even a model
     * whose block scores depend on the block's size gives the same lists.
     */
    public UserOutcome[] outcomes(InterestModel model, TopKRanker ranker, IntFunction<UserProfile> profiles,
                                  Interactions targets, int[] users, int[] bounds) {
        SparseRows byUser = targets.byUser();
        UserOutcome[] results = new UserOutcome[users.length];
        try (ProgressTask done = progress.begin(task, users.length)) {
            ChunkedParallelFor.run(executor, threads, 0, bounds.length - 1, (first, last) -> {
                for (int c = first; c < last; c++) {
                    evaluateRange(model, ranker, profiles, targets, byUser, users, bounds[c], bounds[c + 1], results,
                            done);
                }
            });
        }
        return results;
    }

    /** The chunks this machine cuts {@code users} users into: chunk {@code c} is positions {@code [bounds[c], bounds[c + 1])}. */
    public static int[] chunkBounds(int users) {
        int chunks = ChunkedParallelFor.chunks(users);
        int[] bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = ChunkedParallelFor.chunkStart(users, chunks, c);
        }
        return bounds;
    }

    /**
     * The second half: the pass's metrics (also per activity group) and per-user values from the
     * outcomes of {@code counted} (ascending user indexes), summed in that order whichever JVM
     * computed them, so the figures are the same to the last bit.
     *
     * @param numItems the number of items (coverage and Gini)
     */
    public Evaluation combine(int[] counted, UserOutcome[] results, int numItems, ActivityGroups groups) {
        if (results.length != counted.length) {
            throw new IllegalArgumentException(results.length + " outcomes for " + counted.length + " users");
        }
        List<GroupMetrics> perGroup = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            UserOutcome[] members = new UserOutcome[counted.length];
            int ranked = 0;
            for (int i = 0; i < counted.length; i++) {
                if (groups.groupOf(counted[i]) == g) {
                    members[i] = results[i];
                    ranked += results[i] != null && results[i].atK != null ? 1 : 0;
                }
            }
            perGroup.add(new GroupMetrics(groups.label(g), ranked, combine(members, numItems)));
        }
        return new Evaluation(combine(results, numItems), perGroup, perUser(counted, results));
    }

    /** The metrics, the ranking protocol and the scope this evaluator was made with (what a remote copy needs). */
    public List<MetricSpec> metrics() {
        return metrics;
    }

    public EvaluationOptions options() {
        return options;
    }

    /** The per-user metrics of the users that were ranked (those with a held-out item not already known). */
    private PerUserValues perUser(int[] counted, UserOutcome[] results) {
        int ranked = 0;
        for (UserOutcome r : results) {
            ranked += r != null && r.atK != null ? 1 : 0;
        }
        int[] users = new int[ranked];
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            if (perUser[m] != null) {
                names.add(metrics.get(m).toString());
                columns.add(m);
            }
        }
        double[][] values = new double[names.size()][ranked];
        int[][] lists = needLists ? new int[ranked][] : null;
        int i = 0;
        for (int c = 0; c < counted.length; c++) {
            UserOutcome r = results[c];
            if (r != null && r.atK != null) {
                users[i] = counted[c];
                for (int m = 0; m < columns.size(); m++) {
                    values[m][i] = r.atK[columns.get(m)];
                }
                if (lists != null) {
                    lists[i] = r.list;
                }
                i++;
            }
        }
        // Users come sorted from nonEmptyRows or the sampled list; kept in that (ascending) order.
        return new PerUserValues(users, names, values, lists);
    }

    private Map<String, Double> combine(UserOutcome[] results, int numItems) {
        Map<String, Double> out = new LinkedHashMap<>();
        int[][] lists = new int[results.length][];
        for (int u = 0; u < results.length; u++) {
            lists[u] = results[u] == null ? null : results[u].list;
        }
        for (int m = 0; m < metrics.size(); m++) {
            MetricSpec spec = metrics.get(m);
            double value;
            if (spec.perUserAtK()) {
                double sum = 0;
                int n = 0;
                for (UserOutcome r : results) {
                    if (r != null && r.atK != null) {
                        sum += r.atK[m];
                        n++;
                    }
                }
                value = n == 0 ? Double.NaN : sum / n;
            } else {
                value = switch (spec.metric()) {
                    case "auc" -> aucMean(results, false);
                    case "gauc" -> aucMean(results, true);
                    case "rmse" -> ratio(results, r -> r.squaredError, r -> r.rated, true);
                    case "mae" -> ratio(results, r -> r.absoluteError, r -> r.rated, false);
                    case "logloss" -> ratio(results, r -> r.logLoss, r -> r.clicks, false);
                    case "coverage" -> ListMetrics.coverage(lists, spec.k(), numItems);
                    case "gini" -> ListMetrics.gini(lists, spec.k(), numItems);
                    case "novelty" -> ListMetrics.novelty(lists, spec.k(), options.itemPopularity(), options.trainUsers());
                    case "ild" -> options.similarity().map(s -> ListMetrics.intraListDiversity(lists, spec.k(), s))
                            .orElse(Double.NaN);
                    default -> throw new IllegalArgumentException("no metric " + spec);
                };
            }
            out.put(spec.toString(), value);
        }
        return out;
    }

    private static double aucMean(UserOutcome[] results, boolean weighted) {
        double sum = 0;
        double weight = 0;
        for (UserOutcome r : results) {
            if (r != null && !Double.isNaN(r.auc)) {
                double w = weighted ? r.relevant : 1;
                sum += w * r.auc;
                weight += w;
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    private static double ratio(UserOutcome[] results, java.util.function.ToDoubleFunction<UserOutcome> numerator,
                                java.util.function.ToIntFunction<UserOutcome> count, boolean sqrt) {
        double sum = 0;
        long n = 0;
        for (UserOutcome r : results) {
            if (r != null) {
                sum += numerator.applyAsDouble(r);
                n += count.applyAsInt(r);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return sqrt ? Math.sqrt(sum / n) : sum / n;
    }

    private void evaluateRange(InterestModel model, TopKRanker ranker, IntFunction<UserProfile> profiles,
                               Interactions targets, SparseRows byUser, int[] users, int from, int to, UserOutcome[] out,
                               ProgressTask done) {
        int numItems = byUser.columns();
        boolean[] excluded = new boolean[numItems];
        boolean[] relevant = new boolean[numItems];
        boolean[] hits = new boolean[maxK];
        float[] scores = needAuc ? new float[numItems] : null;
        NegativeSampler sampler = options.sampled() || needLogLoss
                ? new NegativeSampler(options.itemPopularity(), options.popularitySampling(), options.seed()) : null;
        RatingPredictor ratings = needRatings && targets.hasRatings() && model instanceof RatingPredictor p
                && p.predictsRatings() ? p : null;
        ClickPredictor clicks = needLogLoss && model instanceof ClickPredictor c && c.predictsClicks() ? c : null;
        // Full ranking from the model itself: score a block of users at once (one GEMM for models that
        // override the block form), then walk the block's users with their rows of scores.
        boolean blocks = !options.sampled() && ranker instanceof FullRanking f && f.model() == model;
        int blockRows = blocks ? ScoreBlocks.rows(numItems) : 1;
        float[] blockScores = blocks ? new float[blockRows * numItems] : null;
        List<UserProfile> blockProfiles = new ArrayList<>(blockRows);
        for (int blockFrom = from; blockFrom < to; blockFrom += blockRows) {
            int blockTo = Math.min(to, blockFrom + blockRows);
            blockProfiles.clear();
            for (int i = blockFrom; i < blockTo; i++) {
                blockProfiles.add(byUser.length(users[i]) == 0 ? null : profiles.apply(users[i]));
            }
            float[] rows = blockScores;
            if (blocks) {
                List<UserProfile> scored = blockProfiles.stream().filter(Objects::nonNull).toList();
                // The SPI takes exactly users x items: the last, shorter block gets its own array.
                rows = scored.size() == blockRows ? blockScores : new float[scored.size() * numItems];
                model.scoreAll(scored, rows);
            }
            int scoredRow = -1;
            for (int i = blockFrom; i < blockTo; i++) {
                UserProfile profile = blockProfiles.get(i - blockFrom);
                if (profile == null) {
                    continue;
                }
                int rowStart = ++scoredRow * numItems;
                int u = users[i];
                for (int item : profile.history()) {
                    excluded[item] = true;
                }
                int numRelevant = 0;
                for (int k = byUser.start(u); k < byUser.end(u); k++) {
                    int item = byUser.column(k);
                    if (!excluded[item] && !relevant[item]) {
                        relevant[item] = true;
                        numRelevant++;
                    }
                }
                UserOutcome result = new UserOutcome();
                result.relevant = numRelevant;
                if (numRelevant > 0) {
                    ScoredItems top = options.sampled()
                            ? sampledTopK(model, profile, u, numRelevant, excluded, relevant, sampler)
                            : blocks ? ScoredItems.topK(rows, rowStart, numItems, maxK, excluded)
                            : ranker.topK(profile, maxK, excluded);
                    for (int r = 0; r < top.size(); r++) {
                        hits[r] = relevant[top.item(r)];
                    }
                    result.atK = new double[metrics.size()];
                    for (int m = 0; m < metrics.size(); m++) {
                        if (perUser[m] != null) {
                            result.atK[m] = perUser[m].compute(hits, top.size(), metrics.get(m).k(), numRelevant);
                        }
                    }
                    if (needLists) {
                        result.list = top.items();
                    }
                    if (needAuc) {
                        if (blocks) {
                            System.arraycopy(rows, rowStart, scores, 0, numItems);
                        } else {
                            model.scoreAll(profile, scores);
                        }
                        result.auc = AucCounter.auc(scores, excluded, relevant, numRelevant);
                    }
                    if (clicks != null) {
                        logLoss(clicks, profile, u, numRelevant, excluded, relevant, sampler, result);
                    }
                }
                if (ratings != null) {
                    ratingErrors(ratings, profile, targets, byUser, u, result);
                }
                out[i] = result;
                for (int item : profile.history()) {
                    excluded[item] = false;
                }
                for (int k = byUser.start(u); k < byUser.end(u); k++) {
                    relevant[byUser.column(k)] = false;
                }
            }
            done.advance(blockTo - blockFrom);
        }
    }

    private ScoredItems sampledTopK(InterestModel model, UserProfile profile, int user, int numRelevant,
                                    boolean[] excluded, boolean[] relevant, NegativeSampler sampler) {
        int[] negatives = sampler.sample(user, options.negatives() * numRelevant, excluded, relevant);
        int[] candidates = new int[numRelevant + negatives.length];
        int n = 0;
        for (int i = 0; i < relevant.length && n < numRelevant; i++) {
            if (relevant[i]) {
                candidates[n++] = i;
            }
        }
        System.arraycopy(negatives, 0, candidates, n, negatives.length);
        java.util.Arrays.sort(candidates);
        float[] candidateScores = new float[candidates.length];
        model.score(profile, candidates, candidateScores);
        ScoredItems local = ScoredItems.topK(candidateScores, maxK, null);
        int[] items = new int[local.size()];
        float[] s = new float[local.size()];
        for (int r = 0; r < local.size(); r++) {
            items[r] = candidates[local.item(r)];
            s[r] = local.score(r);
        }
        return new ScoredItems(items, s);
    }

    private static void ratingErrors(RatingPredictor predictor, UserProfile profile, Interactions targets,
                                     SparseRows byUser, int user, UserOutcome result) {
        int n = byUser.length(user);
        int[] items = new int[n];
        for (int k = 0; k < n; k++) {
            items[k] = byUser.column(byUser.start(user) + k);
        }
        float[] predicted = new float[n];
        predictor.predictRatings(profile, items, predicted);
        for (int k = 0; k < n; k++) {
            double error = predicted[k] - targets.rating(byUser.source(byUser.start(user) + k));
            result.squaredError += error * error;
            result.absoluteError += Math.abs(error);
        }
        result.rated = n;
    }

    private static void logLoss(ClickPredictor predictor, UserProfile profile, int user, int numRelevant,
                                boolean[] excluded, boolean[] relevant, NegativeSampler sampler, UserOutcome result) {
        int[] negatives = sampler.sample(user, numRelevant, excluded, relevant);
        int[] items = new int[numRelevant + negatives.length];
        int n = 0;
        for (int i = 0; i < relevant.length && n < numRelevant; i++) {
            if (relevant[i]) {
                items[n++] = i;
            }
        }
        System.arraycopy(negatives, 0, items, n, negatives.length);
        float[] p = new float[items.length];
        predictor.predictClicks(profile, items, p);
        for (int k = 0; k < items.length; k++) {
            double q = Math.min(1 - 1e-7, Math.max(1e-7, p[k]));
            result.logLoss += k < numRelevant ? -Math.log(q) : -Math.log(1 - q);
        }
        result.clicks = items.length;
    }
}
