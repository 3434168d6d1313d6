package dev.m6rec.core.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.DataException;
import dev.m6rec.api.optimize.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyJournalTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsRecordsAndIgnoresATornLastLine() throws IOException {
        StudyJournal journal = new StudyJournal(dir.resolve("study.jsonl"));
        journal.append(new TrialRecord(0, Map.of("interest.epochs", 12L, "similarity.type", "cosine"),
                TrialResult.State.COMPLETE, 0.25, List.of(0.1, 0.2), 1.5, null));
        journal.append(new TrialRecord(1, Map.of("interest.lr", 0.01), TrialResult.State.FAILED, Double.NaN, List.of(),
                0.1, "boom"));
        Files.writeString(journal.file(), "{\"number\": 2, \"par", StandardOpenOption.APPEND);
        List<TrialRecord> records = journal.read();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).params()).containsEntry("interest.epochs", 12L).containsEntry("similarity.type", "cosine");
        assertThat(records.get(0).value()).isEqualTo(0.25);
        assertThat(records.get(0).intermediate()).containsExactly(0.1, 0.2);
        assertThat(records.get(1).state()).isEqualTo(TrialResult.State.FAILED);
        assertThat(records.get(1).value()).isNaN();
        assertThat(records.get(1).error()).isEqualTo("boom");
    }

    @Test
    void aCorruptLineInTheMiddleIsAnErrorWithItsLine() throws IOException {
        Path file = dir.resolve("study.jsonl");
        Files.writeString(file, "garbage\n{\"number\":0,\"params\":{},\"state\":\"FAILED\",\"value\":null}\n");
        assertThatThrownBy(() -> new StudyJournal(file).read()).isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":1: not a trial record");
    }

    @Test
    void medianPrunerStopsTrialsBelowTheMedianOfCompletedOnes() {
        MedianPruner pruner = new MedianPruner(dev.m6rec.api.optimize.Direction.MAXIMIZE, 2, 1);
        pruner.completed(List.of(0.1, 0.3));
        assertThat(pruner.shouldPrune(1, 0.0)).as("too few completed trials").isFalse();
        pruner.completed(List.of(0.1, 0.5));
        assertThat(pruner.shouldPrune(0, 0.0)).as("warm-up step").isFalse();
        assertThat(pruner.shouldPrune(1, 0.39)).isTrue();
        assertThat(pruner.shouldPrune(1, 0.41)).isFalse();
    }
}
