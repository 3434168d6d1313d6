package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Recall from several base models, then a learned ranking. Fit runs in two stages: the base
 * models fit on the training interactions minus a held-out share per user, and the ranker learns
 * to put those held-out items first among the base models' candidates; then the base models are
 * refitted on all the training interactions, and serve with the ranker.
 *
 * <p>Every item gets a score: the candidates their ranker score, the rest a score below every
 * candidate, in the first base model's order, so full-ranking metrics stay defined.
 */
final class StackModel implements InterestModel {
    private final StackSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /** What serving needs: the refitted base models, the ranker, training popularity, item features. */
    private record Fitted(List<InterestModel> bases, ListwiseRanker ranker, float[] logItemCounts,
                          FeatureMatrix itemFeatures) {
    }

    StackModel(StackSettings settings, PluginContext context) {
        this.settings = settings;
        this.context = context;
        this.fitted = new FittedState<>(context.componentPath(), "stack");
    }

    @Override
    public void fit(TrainingData data) {
        Interactions train = data.train();
        TrainingHoldout holdout = TrainingHoldout.of(train, settings.holdout(), context.random("holdout"));
        List<InterestModel> stage = createBases();
        List<CandidateList> lists;
        try {
            fitBases(stage, data, stageInputs(data.inputs(), holdout.kept()), holdout.kept(),
                    "on the kept share of each user's training interactions");
            lists = candidateLists(stage, holdout, data.inputs());
        } finally {
            closeAll(stage);
        }
        if (lists.size() < 2) {
            throw new IllegalStateException("stack: fewer than 2 users with held-out items among the candidates");
        }
        RandomGenerator random = context.random("ranker");
        List<CandidateList> shuffled = new ArrayList<>(lists);
        for (int k = shuffled.size() - 1; k > 0; k--) {
            java.util.Collections.swap(shuffled, k, random.nextInt(k + 1));
        }
        int validCount = Math.max(1, (int) Math.round(settings.ranker().validation() * shuffled.size()));
        context.progress().info(String.format("stack: ranker on %d users' candidate lists, %d to choose the epoch",
                shuffled.size() - validCount, validCount));
        ListwiseRanker ranker = RankerTraining.train(shuffled.subList(validCount, shuffled.size()),
                shuffled.subList(0, validCount), settings.ranker(), random, context.progress(),
                context.componentPath() + ".ranker");
        List<InterestModel> bases = createBases();
        fitBases(bases, data, data.inputs(), train, "on all training interactions");
        fitted.set(new Fitted(bases, ranker, logCounts(train), settings.features() ? data.inputs().itemFeatures() : null));
    }

    private List<InterestModel> createBases() {
        List<InterestModel> models = new ArrayList<>();
        for (InterestModelSection section : settings.base()) {
            models.add(context.createInterestModel(section));
        }
        return models;
    }

    /**
     * The inputs of the ranker's stage: the run's similarity model was fitted on all the training
     * interactions, held-out ones included, so a base that reads it (item-knn, the mlp's
     * neighbourhood) would find the held-out items through it and the ranker would learn to trust
     * that base more than it deserves. The stage gets the same similarity fitted on the kept share.
     */
    private ModelInputs stageInputs(ModelInputs inputs, Interactions kept) {
        if (inputs.similarity().isEmpty()) {
            return inputs;
        }
        context.progress().info("stack: fitting the run's similarity on the kept share for the ranker's stage");
        SimilarityModel similarity = context.fitSimilarity(kept, inputs.itemFeatures()).orElseThrow(() ->
                new IllegalStateException("stack: the context fits no similarity model for the ranker's stage"));
        return new ModelInputs(inputs.numUsers(), inputs.numItems(), inputs.userFeatures(), inputs.itemFeatures(),
                Optional.of(similarity));
    }

    private void fitBases(List<InterestModel> models, TrainingData data, ModelInputs inputs, Interactions train,
                          String how) {
        DataSplit split = data.split();
        DataSplit stageSplit = new DataSplit(split.dataset(), train, split.valid(), split.test());
        for (int m = 0; m < models.size(); m++) {
            context.progress().info("stack: fitting " + settings.base().get(m).path() + " ("
                    + settings.base().get(m).type() + ") " + how);
            models.get(m).fit(new TrainingData(stageSplit, inputs, data.validation()));
        }
    }

    /** Each user's candidates from the first-stage models, labelled by the held-out items. */
    private List<CandidateList> candidateLists(List<InterestModel> models, TrainingHoldout holdout, ModelInputs inputs) {
        float[] counts = logCounts(holdout.kept());
        FeatureMatrix items = settings.features() ? inputs.itemFeatures() : null;
        SparseRows kept = holdout.kept().byUser();
        SparseRows held = holdout.heldOut().byUser();
        List<CandidateList> lists = new ArrayList<>();
        for (int user = 0; user < held.rows(); user++) {
            if (held.length(user) == 0) {
                continue;
            }
            UserProfile profile = profile(holdout.kept(), kept, user, inputs);
            CandidateFeatures candidates = features(models, profile, counts, items);
            boolean[] relevant = new boolean[inputs.numItems()];
            for (int item : held.row(user)) {
                relevant[item] = true;
            }
            float[] target = new float[candidates.items().length];
            int hits = 0;
            for (int k = 0; k < target.length; k++) {
                if (relevant[candidates.items()[k]]) {
                    target[k] = 1;
                    hits++;
                }
            }
            if (hits == 0) {
                continue;
            }
            for (int k = 0; k < target.length; k++) {
                target[k] /= hits;
            }
            lists.add(new CandidateList(candidates.rows(), target.length, target, held.length(user)));
        }
        return lists;
    }

    private static UserProfile profile(Interactions interactions, SparseRows byUser, int user, ModelInputs inputs) {
        int n = byUser.length(user);
        int[] history = new int[n];
        float[] ratings = interactions.hasRatings() ? new float[n] : null;
        for (int k = 0; k < n; k++) {
            int position = byUser.start(user) + k;
            history[k] = byUser.column(position);
            if (ratings != null) {
                ratings[k] = interactions.rating(byUser.source(position));
            }
        }
        return UserProfile.of(user, history, ratings, inputs.userFeatures().row(user));
    }

    private CandidateFeatures features(List<InterestModel> models, UserProfile profile, float[] counts,
                                       FeatureMatrix items) {
        float[][] scores = new float[models.size()][counts.length];
        for (int m = 0; m < models.size(); m++) {
            models.get(m).scoreAll(profile, scores[m]);
        }
        return CandidateFeatures.of(scores, profile, settings.candidates(), counts, items);
    }

    private static float[] logCounts(Interactions train) {
        int[] counts = train.itemCounts();
        float[] out = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (float) Math.log1p(counts[i]);
        }
        return out;
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        Fitted f = fitted.get();
        CandidateFeatures candidates = features(f.bases(), user, f.logItemCounts(), f.itemFeatures());
        int count = candidates.items().length;
        float[] ranked = f.ranker().score(candidates.rows(), count);
        float floor = Float.POSITIVE_INFINITY;
        for (float s : ranked) {
            floor = Math.min(floor, s);
        }
        if (count == 0) {
            floor = 0;
        }
        float[] first = candidates.firstModel();
        for (int i = 0; i < out.length; i++) {
            // Below every candidate: floor - 2 plus a sigmoid of the first model's standardised score.
            out[i] = floor - 2 + (float) (1 / (1 + Math.exp(-first[i])));
        }
        for (int k = 0; k < count; k++) {
            out[candidates.items()[k]] = ranked[k];
        }
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        float[] all = new float[fitted.get().logItemCounts().length];
        scoreAll(user, all);
        for (int k = 0; k < items.length; k++) {
            out[k] = all[items[k]];
        }
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted f = fitted.get();
        f.ranker().save(out);
        out.writeFloats("item-log-counts.f32", f.logItemCounts());
        for (int m = 0; m < f.bases().size(); m++) {
            f.bases().get(m).save(new PrefixedArtifactWriter(out, "base-" + m + "."));
        }
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        float[] logItemCounts = in.readFiniteFloats("item-log-counts.f32");
        if (logItemCounts.length != inputs.numItems()) {
            throw new ArtifactException(in.location() + "/item-log-counts.f32: " + logItemCounts.length
                    + " items, expected " + inputs.numItems());
        }
        int userWidth = settings.features() ? inputs.userFeatures().columns() : 0;
        int itemWidth = settings.features() ? inputs.itemFeatures().columns() : 0;
        ListwiseRanker ranker = ListwiseRanker.load(in, ListwiseRanker.widths(
                CandidateFeatures.width(settings.base().size(), userWidth, itemWidth), settings.ranker().hidden()));
        List<InterestModel> bases = createBases();
        for (int m = 0; m < bases.size(); m++) {
            bases.get(m).load(new PrefixedArtifactReader(in, "base-" + m + "."), inputs);
        }
        fitted.set(new Fitted(bases, ranker, logItemCounts, settings.features() ? inputs.itemFeatures() : null));
    }

    @Override
    public void close() {
        if (fitted.isSet()) {
            closeAll(fitted.get().bases());
        }
    }

    private static void closeAll(List<InterestModel> models) {
        for (InterestModel model : models) {
            model.close();
        }
    }
}
