package dev.m6rec.core.pipeline;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.similarity.SimilarityInput;
import dev.m6rec.api.similarity.SimilarityModel;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.plugin.PluginFaults;
import java.util.Objects;
import java.util.Optional;

/**
 * The item-similarity model. Placed before the interest model (which may rank with it), or after it
 * when it is built from the interest model's item embeddings.
 */
record SimilarityStep(ConfiguredComponent component) implements PlanStep {
    SimilarityStep {
        Objects.requireNonNull(component, "component is null");
    }

    @Override
    public void fit(PipelineParts parts, PluginContext context) {
        SimilarityModel model = component.create(context);
        Optional<FeatureMatrix> embeddings = Optional.empty();
        if (component.needsEmbeddings()) {
            embeddings = Optional.of(parts.interest().itemEmbeddings().orElseThrow(() -> new ConfigException(
                    component.path() + ".source", "embeddings need an interest model that learns item embeddings")));
            context.progress().info("fitting similarity " + component.type() + " on item embeddings");
        } else {
            context.progress().info("fitting similarity " + component.type());
        }
        SimilarityInput input = new SimilarityInput(parts.split().train(), parts.itemFeatures(), embeddings);
        PluginFaults.run(model, "fit", () -> model.fit(input));
        parts.similarity(model, true);
    }

    @Override
    public void save(FittedPipeline pipeline, ArtifactWriter out) {
        pipeline.similarity().orElseThrow().save(out);
    }

    @Override
    public void load(PipelineParts parts, ArtifactReader in, PluginContext context) {
        SimilarityModel model = component.create(context);
        PluginFaults.run(model, "load", () -> model.load(in));
        parts.similarity(model, true);
    }
}
