package dev.m6rec.core.pipeline;

import dev.m6rec.api.data.EntityKind;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.config.RunConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The components of a pipeline in the order they are fitted: user features, item features, the
 * similarity model when the interest model may rank with it, the interest model, and the similarity
 * model when it is built from the interest model's embeddings. Fitting, saving, loading and the
 * run's provenance all walk this one list; nothing else re-derives the order.
 *
 * <pre>{@code
 * PipelinePlan plan = PipelinePlan.of(config);
 * PipelineParts parts = PipelineParts.forFit(split, validation);
 * plan.fit(parts, context);
 * }</pre>
 */
public final class PipelinePlan {
    private final List<PlanStep> steps;

    public PipelinePlan(List<PlanStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public static PipelinePlan of(RunConfig config) {
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < config.userFeatures().size(); i++) {
            steps.add(new FeatureStep(config.userFeatures().get(i), EntityKind.USER, i));
        }
        for (int i = 0; i < config.itemFeatures().size(); i++) {
            steps.add(new FeatureStep(config.itemFeatures().get(i), EntityKind.ITEM, i));
        }
        config.similarity().filter(c -> !c.needsEmbeddings()).ifPresent(c -> steps.add(new SimilarityStep(c)));
        steps.add(new InterestStep(config.interest()));
        config.similarity().filter(ConfiguredComponent::needsEmbeddings).ifPresent(c -> steps.add(new SimilarityStep(c)));
        return new PipelinePlan(steps);
    }

    public List<PlanStep> steps() {
        return steps;
    }

    /** Fits every step in order, each with a context of its own. */
    public void fit(PipelineParts parts, DefaultPluginContext context) {
        fitFeatures(parts, context);
        fitModels(parts, context);
    }

    /** Fits the feature extractors only (they come first), which models compared in one run share. */
    public void fitFeatures(PipelineParts parts, DefaultPluginContext context) {
        for (PlanStep step : steps) {
            if (step instanceof FeatureStep) {
                step.fit(parts, context.forComponent(step.component().path()));
            }
        }
    }

    /** Fits the steps after the features: similarity and interest model, in plan order. */
    public void fitModels(PipelineParts parts, DefaultPluginContext context) {
        ConfiguredComponent similarityBefore = null;
        for (PlanStep step : steps) {
            if (step instanceof FeatureStep) {
                continue;
            }
            DefaultPluginContext stepContext = context.forComponent(step.component().path());
            if (step instanceof InterestStep && similarityBefore != null) {
                // A nested model fitted on part of the training data needs its own similarity (see fitSimilarity).
                stepContext = stepContext.withSimilarity(similarityBefore);
            }
            step.fit(parts, stepContext);
            if (step instanceof SimilarityStep similarity) {
                similarityBefore = similarity.component();
            }
        }
    }
}
