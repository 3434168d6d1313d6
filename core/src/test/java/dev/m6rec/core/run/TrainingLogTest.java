package dev.m6rec.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLogTest {
    @Test
    void keepsEveryNumberOfTheEpochLinesAndPassesThemOn() {
        List<String> shown = new ArrayList<>();
        ProgressReporter console = new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
                    }

                    @Override
                    public void message(String message) {
                        shown.add(message);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void info(String message) {
            }
        };
        TrainingLog log = new TrainingLog(console);
        try (ProgressTask mlp = log.begin("interest (mlp) epochs", 2)) {
            mlp.message("epoch 1: click loss 0.6931, rating mse 1.2500, ndcg@10 0.1200, 5,300 samples/s");
            mlp.message("loading batches");
        }
        try (ProgressTask bpr = log.begin("interest (bpr) epochs", 3)) {
            bpr.message("epoch 2/3: bpr loss 0.5000");
        }

        assertThat(log.drain()).containsExactly(
                new EpochValue("interest (mlp) epochs", 1, "click loss", 0.6931),
                new EpochValue("interest (mlp) epochs", 1, "rating mse", 1.25),
                new EpochValue("interest (mlp) epochs", 1, "ndcg@10", 0.12),
                new EpochValue("interest (mlp) epochs", 1, "samples/s", 5300),
                new EpochValue("interest (bpr) epochs", 2, "bpr loss", 0.5));
        assertThat(shown).hasSize(3).contains("loading batches");
        assertThat(log.drain()).isEmpty();
    }
}
