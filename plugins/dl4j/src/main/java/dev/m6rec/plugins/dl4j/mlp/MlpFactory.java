package dev.m6rec.plugins.dl4j.mlp;

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
 * Makes the {@code mlp} interest model: NeuMF-style id embeddings plus feature vectors through an
 * MLP tower into a click head and a rating head, trained on {@code alpha * CE + beta * MSE}.
 *
 * <pre>{@code
 * interest: { type: mlp, embedding: 32, hidden: [64, 32], loss: { click: 1.0, rating: 0.1 }, negatives: 4 }
 * }</pre>
 */
public final class MlpFactory implements InterestModelFactory {
    /** Training defaults as tuned on the quick-start data (see examples/quickstart-mlp.yaml). */
    private static final TrainingSettings DEFAULTS = new TrainingSettings(30, 256, 0.002, 0.01, 0.2, 8, 3, 1);

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multi-task MLP (NeuMF-style) with click and rating heads, on DeepLearning4J";
    }

    @Override
    public ConfigSchema schema() {
        ConfigSchema.Builder schema = ConfigSchema.builder()
                .intParam("embedding", 32, "width of the user and item id embeddings").greaterThan(0)
                .intListParam("hidden", List.of(128, 64), "widths of the MLP tower").greaterThan(0)
                .stringParam("activation", "relu", "tower activation").oneOf("relu", "leaky-relu", "elu", "tanh", "sigmoid")
                .booleanParam("gmf", true, "add the element-wise product of the embeddings beside the tower (NeuMF)")
                .booleanParam("history", true, "add the pooled embeddings of the user's history items to the user "
                        + "vector (SVD++), so events recorded after training move the scores at once")
                .intParam("neighbourhood", 50, "when the run has a similarity section: neighbours per item whose "
                        + "similarity to the user's history (the item-kNN score) feeds the heads (0: off)").atLeast(0)
                .floatParam("loss.click", 0.5, "alpha: weight of the click cross-entropy (0: no click head)").atLeast(0)
                .floatParam("loss.rating", 0.5, "beta: weight of the rating squared error (0: no rating head)").atLeast(0)
                .stringParam("rank-by", "auto", "ranking score: click probability, predicted rating or a blend")
                .oneOf("auto", "click", "rating", "blend")
                .floatParam("blend-weight", 0.5, "share of the scaled rating in a blended ranking score").atLeast(0).atMost(1)
                .floatParam("id-dropout", 0.1, "probability of hiding ids in training so features learn cold start")
                .atLeast(0).lessThan(1)
                .stringParam("engine", "fused", "training loop: the fused kernel, or DL4J's ComputationGraph.fit")
                .oneOf("fused", "graph");
        return TrainingSettings.declare(schema, DEFAULTS).build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        double click = config.getDouble("loss.click");
        double rating = config.getDouble("loss.rating");
        if (click == 0 && rating == 0) {
            problems.add(new ConfigProblem("loss", "at least one of click and rating must be > 0"));
        }
        if (config.getIntArray("hidden").length == 0) {
            problems.add(new ConfigProblem("hidden", "must list at least one layer width"));
        }
        if (click > 0 && config.getInt("negatives") == 0) {
            problems.add(new ConfigProblem("negatives", "must be > 0 when loss.click > 0 (was 0)"));
        }
        String rankBy = config.getString("rank-by");
        if ((rankBy.equals("click") || rankBy.equals("blend")) && click == 0) {
            problems.add(new ConfigProblem("rank-by", "'" + rankBy + "' needs loss.click > 0"));
        }
        if ((rankBy.equals("rating") || rankBy.equals("blend")) && rating == 0) {
            problems.add(new ConfigProblem("rank-by", "'" + rankBy + "' needs loss.rating > 0"));
        }
        return problems;
    }

    @Override
    public InterestModel create(ComponentConfig config, PluginContext context) {
        return new MlpModel(MlpSettings.from(config), context);
    }
}
