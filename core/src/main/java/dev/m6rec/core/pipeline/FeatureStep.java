package dev.m6rec.core.pipeline;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.plugin.PluginFaults;
import java.util.Objects;
import java.util.Optional;

/**
 * A user or item feature extractor: fitted on the training split; its columns join the side's feature
 * matrix.
 *
 * @param index the extractor's position among its side's extractors
 */
record FeatureStep(ConfiguredComponent component, EntityKind side, int index) implements PlanStep {
    FeatureStep {
        Objects.requireNonNull(component, "component is null");
        Objects.requireNonNull(side, "side is null");
    }

    @Override
    public void fit(PipelineParts parts, PluginContext context) {
        FeatureExtractor extractor = component.create(context);
        Dataset dataset = parts.split().dataset();
        EntityKind other = side == EntityKind.USER ? EntityKind.ITEM : EntityKind.USER;
        FeatureInput input = new FeatureInput(side, dataset.ids(side), dataset.attributes(side), parts.split().train(),
                dataset.attributes(other));
        PluginFaults.run(extractor, "fit", () -> extractor.fit(input));
        parts.addExtractor(side, extractor, Optional.of(PluginFaults.call(extractor, "encode", extractor::encodeAll)));
    }

    @Override
    public void save(FittedPipeline pipeline, ArtifactWriter out) {
        (side == EntityKind.USER ? pipeline.userExtractors() : pipeline.itemExtractors()).get(index).save(out);
    }

    @Override
    public void load(PipelineParts parts, ArtifactReader in, PluginContext context) {
        FeatureExtractor extractor = component.create(context);
        PluginFaults.run(extractor, "load", () -> extractor.load(in));
        parts.addExtractor(side, extractor, Optional.empty());
    }
}
