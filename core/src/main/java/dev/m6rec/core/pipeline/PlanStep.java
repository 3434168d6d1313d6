package dev.m6rec.core.pipeline;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.core.config.ConfiguredComponent;

/**
 * One component of a {@link PipelinePlan}: how it is made and fitted from the parts made before it,
 * how it writes its state into its artifact folder, and how it is restored from that folder.
 */
public interface PlanStep {

    /** The section this step makes, with its factory and settings. */
    ConfiguredComponent component();

    /** Creates the component with {@code context}, fits it and adds it to {@code parts}. */
    void fit(PipelineParts parts, PluginContext context);

    /** Writes the state of this step's component in {@code pipeline}. */
    void save(FittedPipeline pipeline, ArtifactWriter out);

    /** Creates the component with {@code context}, restores its state from {@code in} and adds it to {@code parts}. */
    void load(PipelineParts parts, ArtifactReader in, PluginContext context);
}
