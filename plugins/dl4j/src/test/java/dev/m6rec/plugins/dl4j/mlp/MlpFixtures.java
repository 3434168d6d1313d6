package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import dev.m6rec.plugins.dl4j.RankingEvaluation;
import dev.m6rec.plugins.dl4j.SyntheticData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared set-up of the mlp tests: a small configuration, a small synthetic data set, fitted models. */
final class MlpFixtures {
    static final SyntheticData DATA = new SyntheticData(240, 160, 4, 24, 7);

    private MlpFixtures() {
    }

    /** An unfitted model of the valid section {@code section}. */
    static MlpModel create(Map<String, Object> section, RecordingPluginContext context) {
        return (MlpModel) Sections.create(new MlpFactory(), "interest", section, context);
    }

    /**
     * A small, fast configuration, with every training setting the assertions depend on spelled
     * out (not taken from the schema's defaults, which are tuned for the quick-start data);
     * {@code overrides} replace or add keys.
     */
    static Map<String, Object> small(Map<String, Object> overrides) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("embedding", 16);
        section.put("hidden", List.of(32, 16));
        section.put("epochs", 8);
        section.put("batch-size", 256);
        section.put("learning-rate", 0.005);
        section.put("negatives", 4);
        section.put("dropout", 0.0);
        section.put("weight-decay", 0.0);
        section.put("early-stopping", Map.of("patience", 3));
        section.putAll(overrides);
        return section;
    }

    static TrainingData training(SyntheticData data) {
        return new TrainingData(data.split, data.inputs,
                RankingEvaluation.validation(data.split.train(), data.split.valid(), data.inputs.userFeatures()));
    }

    static MlpModel fit(Map<String, Object> overrides, SyntheticData data, RecordingPluginContext context) {
        MlpModel model = create(small(overrides), context);
        model.fit(training(data));
        return model;
    }

    static double testNdcg(dev.m6rec.api.interest.InterestModel model, SyntheticData data) {
        return RankingEvaluation.ndcgAt10(model, RankingEvaluation.union(data.split.train(), data.split.valid()),
                data.split.test(), data.inputs.userFeatures());
    }
}
