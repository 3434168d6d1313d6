package dev.m6rec.core.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.optimize.Direction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {
    @Test
    void aSnapshotPrunesAgainstTheTrialsCompletedBeforeItWasTakenEvenAfterTravelling() throws Exception {
        MedianPruner pruner = new MedianPruner(Direction.MAXIMIZE, 2, 1);
        pruner.completed(List.of(0.1, 0.3));
        pruner.completed(List.of(0.1, 0.5));
        MedianPruner snapshot = roundTrip(pruner.snapshot()); // as a task carries it to an executor

        pruner.completed(List.of(0.1, 0.1));
        pruner.completed(List.of(0.1, 0.1));

        assertThat(pruner.shouldPrune(1, 0.15)).as("the live rule: median of 0.1, 0.1, 0.3, 0.5 is 0.2").isTrue();
        assertThat(snapshot.shouldPrune(1, 0.15)).as("the snapshot: median of 0.3, 0.5 is 0.4").isTrue();
        assertThat(pruner.shouldPrune(1, 0.3)).isFalse();
        assertThat(snapshot.shouldPrune(1, 0.3)).as("the trials completed later are not in the snapshot").isTrue();
        assertThat(snapshot.shouldPrune(0, 0.0)).as("warm-up step").isFalse();
    }

    @Test
    void aSnapshotTakenBeforeTheStartupTrialsNeverPrunes() throws Exception {
        MedianPruner pruner = new MedianPruner(Direction.MINIMIZE, 2, 0);
        pruner.completed(List.of(0.1));
        MedianPruner snapshot = roundTrip(pruner.snapshot());
        pruner.completed(List.of(0.1));
        assertThat(pruner.shouldPrune(0, 0.5)).isTrue();
        assertThat(snapshot.shouldPrune(0, 0.5)).isFalse();
    }

    private static MedianPruner roundTrip(MedianPruner pruner) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pruner);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (MedianPruner) in.readObject();
        }
    }
}
