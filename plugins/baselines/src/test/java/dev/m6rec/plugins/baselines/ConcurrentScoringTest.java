package dev.m6rec.plugins.baselines;

import dev.m6rec.core.testing.RecordingPluginContext;
import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** After fit, every model scores from several threads at once exactly as from one. */
class ConcurrentScoringTest {

    @Test
    void scoresFromSeveralThreadsMatchSequentialScores() throws Exception {
        SyntheticTastes data = SyntheticTastes.generate(51);
        List<InterestModel> models = new ArrayList<>();
        for (InterestModelFactory factory : new BaselinesPlugin().interestModels()) {
            Map<String, Object> section = factory.name().equals("bpr") ? Map.of("factors", 8, "epochs", 2) : Map.of();
            InterestModel model = factory.create(Configs.bind(factory, section), new RecordingPluginContext(1, "interest"));
            model.fit(data.trainingData(Optional.of(BruteForceCosine.fittedOn(data))));
            models.add(model);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (InterestModel model : models) {
                float[][] sequential = new float[data.numUsers][data.numItems];
                for (int u = 0; u < data.numUsers; u++) {
                    model.scoreAll(data.profile(u), sequential[u]);
                }
                List<Future<float[]>> parallel = new ArrayList<>();
                for (int u = 0; u < data.numUsers; u++) {
                    int user = u;
                    Callable<float[]> task = () -> {
                        float[] out = new float[data.numItems];
                        model.scoreAll(data.profile(user), out);
                        return out;
                    };
                    parallel.add(pool.submit(task));
                }
                for (int u = 0; u < data.numUsers; u++) {
                    assertThat(parallel.get(u).get()).as("user %d", u).containsExactly(sequential[u]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
