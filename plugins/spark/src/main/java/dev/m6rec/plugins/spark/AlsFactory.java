package dev.m6rec.plugins.spark;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code als}: matrix factorisation trained by MLlib's alternating least squares on the run's
 * Spark ({@code spark:} section, or the session spark-submit started); its parameters are
 * {@link AlsSettings}. The trained factors serve without Spark.
 *
 * <pre>{@code
 * interest: { type: als, rank: 32, iterations: 10, feedback: implicit, alpha: 1.0 }
 * }</pre>
 */
public final class AlsFactory implements InterestModelFactory<AlsSettings> {

    @Override
    public String name() {
        return "als";
    }

    @Override
    public String description() {
        return "matrix factorisation by alternating least squares on Spark MLlib (implicit or explicit feedback)";
    }

    @Override
    public Class<AlsSettings> settingsType() {
        return AlsSettings.class;
    }

    @Override
    public boolean learnsItemEmbeddings(AlsSettings settings) {
        return true;
    }

    /** MLlib skips checkpoints silently without a directory, and a directory without an interval is unused. */
    @Override
    public void check(AlsSettings settings, Problems problems) {
        if (settings.checkpointInterval() > 0 && settings.checkpointDir() == null) {
            problems.add("checkpoint-dir", "required when checkpoint-interval is set (was "
                    + settings.checkpointInterval() + "); Spark ignores the interval without a directory");
        }
        if (settings.checkpointInterval() == 0 && settings.checkpointDir() != null) {
            problems.add("checkpoint-interval", "must be > 0 when checkpoint-dir is given (was 0)");
        }
    }

    @Override
    public InterestModel create(AlsSettings settings, PluginContext context) {
        return new AlsModel(settings, context);
    }
}
