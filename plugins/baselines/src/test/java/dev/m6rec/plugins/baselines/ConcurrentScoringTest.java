package dev.m6rec.plugins.baselines;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.core.testing.ConcurrentScoring;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After fit, every model scores from several threads at once exactly as from one. */
class ConcurrentScoringTest {

    @Test
    void scoresFromSeveralThreadsMatchSequentialScores() throws Exception {
        SyntheticTastes data = SyntheticTastes.generate(51);
        List<InterestModel> models = new ArrayList<>();
        for (InterestModelFactory<?> factory : new BaselinesPlugin().interestModels()) {
            Map<String, Object> section = factory.name().equals("bpr") ? Map.of("factors", 8, "epochs", 2) : Map.of();
            InterestModel model = Sections.create(factory, "interest", section, new RecordingPluginContext(1, "interest"));
            model.fit(data.trainingData(Optional.of(BruteForceCosine.fittedOn(data))));
            models.add(model);
        }
        for (InterestModel model : models) {
            ConcurrentScoring.assertMatchesSequential(model, data::profile, data.numUsers, data.numItems);
        }
    }
}
