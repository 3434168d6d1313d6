package dev.m6rec.core.pipeline;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.core.config.ConfiguredComponent;
import dev.m6rec.core.plugin.PluginFaults;
import java.util.Objects;

/** The interest model that ranks: it sees the features and any similarity fitted before it. */
record InterestStep(ConfiguredComponent component) implements PlanStep {
    InterestStep {
        Objects.requireNonNull(component, "component is null");
    }

    @Override
    public void fit(PipelineParts parts, PluginContext context) {
        InterestModel model = component.create(context);
        context.progress().info("fitting interest model " + component.type());
        PluginFaults.run(model, "fit", () -> model.fit(new TrainingData(parts.split(), parts.modelInputs(), parts.validation())));
        try {
            FiniteScoresCheck.check(component, model, parts);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        parts.interest(model);
    }

    @Override
    public void save(FittedPipeline pipeline, ArtifactWriter out) {
        pipeline.interest().save(out);
    }

    @Override
    public void load(PipelineParts parts, ArtifactReader in, PluginContext context) {
        InterestModel model = component.create(context);
        PluginFaults.run(model, "load", () -> model.load(in, parts.modelInputs()));
        parts.interest(model);
    }
}
