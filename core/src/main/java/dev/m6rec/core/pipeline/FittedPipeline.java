package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.ann.HnswIndex;
import dev.m6rec.core.ann.IndexSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The trained components of a run and what serving needs beside them: id spaces, feature
 * extractors and encoded features, the similarity model and the interest model, and the
 * histories of known users.
 */
public final class FittedPipeline implements AutoCloseable {
    private final IdIndex users;
    private final IdIndex items;
    private final List<FeatureExtractor> userExtractors;
    private final List<FeatureExtractor> itemExtractors;
    private final FeatureMatrix userFeatures;
    private final FeatureMatrix itemFeatures;
    private final Optional<SimilarityModel> similarity;
    private final InterestModel interest;
    private final UserHistories histories;
    private final RecallIndexSlot recallIndex;

    public FittedPipeline(IdIndex users, IdIndex items, List<FeatureExtractor> userExtractors,
                          List<FeatureExtractor> itemExtractors, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
                          Optional<SimilarityModel> similarity, InterestModel interest, UserHistories histories) {
        this(users, items, userExtractors, itemExtractors, userFeatures, itemFeatures, similarity, interest, histories,
                new RecallIndexSlot());
    }

    private FittedPipeline(IdIndex users, IdIndex items, List<FeatureExtractor> userExtractors,
                           List<FeatureExtractor> itemExtractors, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
                           Optional<SimilarityModel> similarity, InterestModel interest, UserHistories histories,
                           RecallIndexSlot recallIndex) {
        this.recallIndex = recallIndex;
        this.users = Objects.requireNonNull(users, "users is null");
        this.items = Objects.requireNonNull(items, "items is null");
        this.userExtractors = List.copyOf(userExtractors);
        this.itemExtractors = List.copyOf(itemExtractors);
        this.userFeatures = Objects.requireNonNull(userFeatures, "userFeatures is null");
        this.itemFeatures = Objects.requireNonNull(itemFeatures, "itemFeatures is null");
        this.similarity = Objects.requireNonNull(similarity, "similarity is null");
        this.interest = Objects.requireNonNull(interest, "interest is null");
        this.histories = Objects.requireNonNull(histories, "histories is null");
    }

    /** The pipeline a plan fitted or restored into {@code parts}. */
    public static FittedPipeline of(IdIndex users, IdIndex items, PipelineParts parts, UserHistories histories) {
        return new FittedPipeline(users, items, parts.extractors(EntityKind.USER), parts.extractors(EntityKind.ITEM),
                parts.userFeatures(), parts.itemFeatures(), parts.similarity(), parts.interest(), histories);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public FeatureMatrix userFeatures() {
        return userFeatures;
    }

    public FeatureMatrix itemFeatures() {
        return itemFeatures;
    }

    public Optional<SimilarityModel> similarity() {
        return similarity;
    }

    public InterestModel interest() {
        return interest;
    }

    public List<FeatureExtractor> userExtractors() {
        return userExtractors;
    }

    public List<FeatureExtractor> itemExtractors() {
        return itemExtractors;
    }

    /** The interactions known at serving time (train + valid), which profiles are built from. */
    public dev.m6rec.api.data.Interactions knownInteractions() {
        return histories.known();
    }

    /** The profile of a known user: everything known up to serving time. */
    public UserProfile profile(int user) {
        return histories.profile(user);
    }

    /** The profile of a user the pipeline has never seen, from attributes alone (cold start). */
    public UserProfile profile(Attributes attributes) {
        float[] features = new float[userFeatures.columns()];
        int offset = 0;
        for (FeatureExtractor extractor : userExtractors) {
            extractor.encode(attributes, features, offset);
            offset += extractor.columns().size();
        }
        return UserProfile.of(-1, new int[0], null, features);
    }

    /** The same pipeline with {@code similarity} in place of its own; the recall index is shared. */
    public FittedPipeline withSimilarity(Optional<SimilarityModel> replacement) {
        return new FittedPipeline(users, items, userExtractors, itemExtractors, userFeatures, itemFeatures, replacement,
                interest, histories, recallIndex);
    }

    /**
     * The HNSW index embedding recall searches, when {@code settings} choose one for this many
     * item embeddings (empty for exact search or a model without embeddings); built on the
     * first call, or the one restored from the artifact.
     */
    public Optional<HnswIndex> recallIndex(IndexSettings settings) {
        return recallIndex.get(settings, interest::itemEmbeddings);
    }

    /** Installs the index read from an artifact, so it is not rebuilt. */
    public void restoreRecallIndex(HnswIndex index) {
        recallIndex.restore(index);
    }

    @Override
    public void close() {
        interest.close();
    }
}
