package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.ValidationScorer;
import dev.m6rec.api.similarity.SimilarityModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline while a {@link PipelinePlan} fits or restores it: what the steps before a step made,
 * and what that step adds. On fit it starts from the split; on load, from the stored id spaces and
 * feature matrices.
 */
public final class PipelineParts {
    private final int numUsers;
    private final int numItems;
    private final DataSplit split;
    private ValidationScorer validation;
    private final List<FeatureExtractor> userExtractors = new ArrayList<>();
    private final List<FeatureExtractor> itemExtractors = new ArrayList<>();
    private final List<FeatureMatrix> userFeatureParts = new ArrayList<>();
    private final List<FeatureMatrix> itemFeatureParts = new ArrayList<>();
    private FeatureMatrix userFeatures;
    private FeatureMatrix itemFeatures;
    private SimilarityModel similarity;
    private boolean similarityFitted;
    private InterestModel interest;

    private PipelineParts(int numUsers, int numItems, DataSplit split, ValidationScorer validation,
                          FeatureMatrix userFeatures, FeatureMatrix itemFeatures) {
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.split = split;
        this.validation = validation;
        this.userFeatures = userFeatures;
        this.itemFeatures = itemFeatures;
    }

    /** Parts to be fitted on {@code split}. */
    public static PipelineParts forFit(DataSplit split) {
        return new PipelineParts(split.dataset().users().size(), split.dataset().items().size(), split, null,
                null, null);
    }

    /**
     * New parts on the same split holding these parts' fitted feature extractors and encoded features,
     * and nothing else: the start of the next model when several share one features step.
     */
    public PipelineParts withFeaturesOnly() {
        PipelineParts copy = new PipelineParts(numUsers, numItems, split, null, null, null);
        copy.userExtractors.addAll(userExtractors);
        copy.itemExtractors.addAll(itemExtractors);
        copy.userFeatureParts.addAll(userFeatureParts);
        copy.itemFeatureParts.addAll(itemFeatureParts);
        copy.userFeatures = userFeatures;
        copy.itemFeatures = itemFeatures;
        return copy;
    }

    /** Parts to be restored around the stored feature matrices. */
    public static PipelineParts forLoad(int numUsers, int numItems, FeatureMatrix userFeatures, FeatureMatrix itemFeatures) {
        return new PipelineParts(numUsers, numItems, null, null, userFeatures, itemFeatures);
    }

    /** The split being fitted on; only while fitting. */
    public DataSplit split() {
        if (split == null) {
            throw new IllegalStateException("no split: the pipeline is being loaded");
        }
        return split;
    }

    /** Where the interest model reports validation values while it trains. */
    public ValidationScorer validation() {
        if (validation == null) {
            throw new IllegalStateException("no validation scorer: the pipeline is being loaded");
        }
        return validation;
    }

    void validation(ValidationScorer scorer) {
        this.validation = scorer;
    }

    void addExtractor(EntityKind side, FeatureExtractor extractor, Optional<FeatureMatrix> encoded) {
        (side == EntityKind.USER ? userExtractors : itemExtractors).add(extractor);
        encoded.ifPresent((side == EntityKind.USER ? userFeatureParts : itemFeatureParts)::add);
    }

    public List<FeatureExtractor> extractors(EntityKind side) {
        return List.copyOf(side == EntityKind.USER ? userExtractors : itemExtractors);
    }

    public FeatureMatrix userFeatures() {
        if (userFeatures == null) {
            userFeatures = FeatureMatrix.concatColumns(numUsers, userFeatureParts);
        }
        return userFeatures;
    }

    public FeatureMatrix itemFeatures() {
        if (itemFeatures == null) {
            itemFeatures = FeatureMatrix.concatColumns(numItems, itemFeatureParts);
        }
        return itemFeatures;
    }

    void similarity(SimilarityModel model, boolean fitted) {
        this.similarity = model;
        this.similarityFitted = fitted;
    }

    void similarityFitted() {
        this.similarityFitted = true;
    }

    public Optional<SimilarityModel> similarity() {
        return Optional.ofNullable(similarity);
    }

    void interest(InterestModel model) {
        this.interest = model;
    }

    public InterestModel interest() {
        if (interest == null) {
            throw new IllegalStateException("the plan has no interest model step");
        }
        return interest;
    }

    /** What the interest model sees: features, and the similarity when it is fitted before the interest model. */
    public ModelInputs modelInputs() {
        return new ModelInputs(numUsers, numItems, userFeatures(), itemFeatures(),
                similarityFitted ? Optional.ofNullable(similarity) : Optional.empty());
    }
}
