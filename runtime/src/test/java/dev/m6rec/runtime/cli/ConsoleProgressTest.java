package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's lines, on a hand-moved clock (no ticker: {@code flush} stands in for it). */
class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long now;

    private ConsoleProgress console(boolean terminal) {
        return new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, () -> now, false);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void anEpochsStatusIsShownWithTheCountOfTheAdvanceThatFollowsIt() {
        ConsoleProgress console = console(false);
        try (ProgressTask epochs = console.begin("epochs", 30)) {
            for (int epoch = 1; epoch <= 3; epoch++) {
                now += 2 * SECOND;
                epochs.message("epoch " + epoch + ": loss 0.5");
                epochs.advance(1);
            }
        }
        assertThat(lines()).containsExactly(
                "[   2.0s] epochs 1/30 (0.50/s, ETA 58s): epoch 1: loss 0.5",
                "[   4.0s] epochs 2/30 (0.50/s, ETA 56s): epoch 2: loss 0.5",
                "[   6.0s] epochs 3/30 (0.50/s, ETA 54s): epoch 3: loss 0.5");
    }

    @Test
    void theLastStepIsPrintedOnceAndALongPhaseIsNamedWhileItRuns() {
        ConsoleProgress console = console(false);
        ConsoleProgress.Task ease = console.begin("ease", 3);
        ease.message("item Gram matrix");
        now += SECOND;
        ease.flush();                        // the ticker, a second in
        now += 100 * SECOND;
        ease.advance(1);
        ease.message("inverting the regularised Gram matrix");
        now += SECOND;
        ease.flush();
        now += 300 * SECOND;
        ease.flush();                        // nothing new to say: no line
        ease.advance(1);
        ease.message("item weights");
        ease.advance(1);                     // within the second: shown at close
        ease.close();
        assertThat(lines()).containsExactly(
                "[   1.0s] ease 0/3: item Gram matrix",
                "[ 101.0s] ease 1/3 (0.01/s, ETA 3m 22s): item Gram matrix",
                "[ 102.0s] ease 1/3 (0.01/s, ETA 3m 24s): inverting the regularised Gram matrix",
                "[ 402.0s] ease 2/3 (0.00/s, ETA 3m 21s): inverting the regularised Gram matrix",
                "[ 402.0s] ease 3/3 (0.01/s): item weights");
    }

    @Test
    void aTerminalRedrawsTheTasksLineInPlaceAndEndsItOnce() {
        ConsoleProgress console = console(true);
        ProgressTask rows = console.begin("loading rows", 1000);
        now += SECOND;
        rows.advance(250);
        now += SECOND;
        rows.advance(250);
        console.info("an aside");
        now += SECOND;
        rows.advance(500);
        rows.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r[   1.0s] loading rows 250/1000 (250/s, ETA 3s)\u001b[K"
                        + "\r[   2.0s] loading rows 500/1000 (250/s, ETA 2s)\u001b[K" + System.lineSeparator()
                        + "[   2.0s] an aside" + System.lineSeparator()
                        + "\r[   3.0s] loading rows 1000/1000 (333/s)\u001b[K" + System.lineSeparator());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(ConsoleProgress.duration(45)).isEqualTo("45s");
        assertThat(ConsoleProgress.duration(125)).isEqualTo("2m 05s");
        assertThat(ConsoleProgress.duration(3720)).isEqualTo("1h 02m");
    }

    @Test
    void aQuietCloseErasesTheTerminalLineForTheSummaryThatFollows() {
        ConsoleProgress console = console(true);
        ConsoleProgress.Task export = console.begin("recommend users", 512);
        now += SECOND / 2;
        export.advance(256);                 // under a second in: no line yet
        now += SECOND;
        export.advance(256);
        export.closeQuietly();
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("\r[   1.5s] recommend users 512/512 (341/s)\u001b[K\r\u001b[K");
    }

    @Test
    void aQuickSubStepWithoutStatusLeavesNoLine() {
        ConsoleProgress console = console(false);
        try (ProgressTask batches = console.begin("epoch 1 batches", 40)) {
            now += SECOND / 2;
            batches.advance(40);
        }
        try (ProgressTask slow = console.begin("epoch 2 batches", 40)) {
            now += 2 * SECOND;
            slow.advance(40);
        }
        assertThat(lines()).containsExactly("[   2.5s] epoch 2 batches 40/40 (20.00/s)");
    }
}
