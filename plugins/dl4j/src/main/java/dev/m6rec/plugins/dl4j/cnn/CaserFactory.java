package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.plugins.dl4j.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@code cnn} interest model (Caser, Tang and Wang 2018): the embeddings of the user's
 * last {@code length} items form an image; horizontal convolutions (several heights) catch
 * union-level sequential patterns, a vertical convolution point-level ones; with the user
 * embedding they score the next item. Optionally a text-CNN encodes each item's words (e.g. its
 * title) into a vector added to its target embedding, so items without interactions score too.
 *
 * <pre>{@code
 * interest: { type: cnn, length: 5, heights: [1, 2, 3], horizontal-filters: 16, vertical-filters: 4 }
 * interest: { type: cnn, text: { field: title, tokens: 8, widths: [1, 2], filters: 32, min-count: 2 } }
 * }</pre>
 */
public final class CaserFactory implements InterestModelFactory {
    private static final TrainingSettings DEFAULTS = new TrainingSettings(20, 256, 0.001, 0.0, 0.0, 3, 3, 1);

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "Caser: convolutions over the user's recent items, on DeepLearning4J";
    }

    @Override
    public ConfigSchema schema() {
        ConfigSchema.Builder schema = ConfigSchema.builder()
                .intParam("embedding", 32, "width of the item and user embeddings").greaterThan(0)
                .intParam("length", 5, "how many of the user's latest items the convolutions see").atLeast(1)
                .intListParam("heights", List.of(1, 2, 3), "heights (in items) of the horizontal filters").greaterThan(0)
                .intParam("horizontal-filters", 16, "horizontal filters per height").atLeast(1)
                .intParam("vertical-filters", 4, "vertical filters").atLeast(0)
                .floatParam("id-dropout", 0.1, "probability of hiding the user id in training, for unknown users")
                .atLeast(0).lessThan(1)
                .stringParam("engine", "fused", "training loop: the fused kernel, or DL4J's ComputationGraph.fit")
                .oneOf("fused", "graph");
        TextEncoderSettings.declare(schema);
        return TrainingSettings.declare(schema, DEFAULTS).build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        int length = config.getInt("length");
        int[] heights = config.getIntArray("heights");
        if (heights.length == 0) {
            problems.add(new ConfigProblem("heights", "must list at least one filter height"));
        }
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] > length) {
                problems.add(new ConfigProblem("heights[" + i + "]", "must be <= length " + length + " (was " + heights[i] + ")"));
            }
        }
        if (config.getInt("negatives") == 0) {
            problems.add(new ConfigProblem("negatives", "must be > 0 (was 0)"));
        }
        TextEncoderSettings.validate(config, problems);
        return problems;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        return new CaserModel(CaserSettings.from(config), context);
    }
}
