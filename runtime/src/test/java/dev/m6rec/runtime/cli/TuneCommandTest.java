package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.tune.StudyJournal;
import dev.m6rec.core.tune.TrialRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m6rec tune} on the quick-start tuning config, shrunk so the suite stays fast. */
class TuneCommandTest {
    private static final Pattern RESULT = Pattern.compile("ndcg@10 on valid: untuned ([0-9.]+), best ([0-9.]+)");

    @TempDir
    Path dir;

    /** The quick-start study shrunk to small data, for the resume test. */
    private List<String> args(int trials) {
        return new ArrayList<>(List.of("tune", "../examples/quickstart-tune.yaml",
                "--set", "data.users=500", "--set", "data.items=250", "--set", "optimizer.trials=" + trials,
                "--set", "output.dir=" + dir.resolve("study")));
    }

    @Test
    void improvesOnTheUntunedQuickStartAndWritesABestYamlThatRuns() {
        CliRunner tuned = CliRunner.run("tune", "../examples/quickstart-tune.yaml",
                "--set", "output.dir=" + dir.resolve("study"));
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        Matcher m = RESULT.matcher(tuned.out());
        assertThat(m.find()).as(tuned.out()).isTrue();
        double untuned = Double.parseDouble(m.group(1));
        double best = Double.parseDouble(m.group(2));
        assertThat(best).isGreaterThan(untuned);
        assertThat(dir.resolve("study/report.html")).exists();
        assertThat(dir.resolve("study/convergence.png")).exists();
        assertThat(new StudyJournal(dir.resolve("study/study.jsonl")).read()).hasSize(16);

        CliRunner rerun = CliRunner.run("run", dir.resolve("study/best.yaml").toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("ndcg@10");
    }

    @Test
    void aStudyKilledMidWayResumesFromItsJournalWithoutRepeatingTrials() throws Exception {
        int trials = 12;
        Path journal = dir.resolve("study/study.jsonl");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args(trials));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (finished(journal) < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor(); // SIGKILL on Linux: no shutdown hooks, no flushing
        List<TrialRecord> before = new StudyJournal(journal).read();
        assertThat(before.size()).as(Files.readString(dir.resolve("child.log"))).isBetween(3, trials - 1);

        CliRunner resumed = CliRunner.run(args(trials).toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming study from");
        List<TrialRecord> after = new StudyJournal(journal).read();
        assertThat(after).hasSize(trials);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.stream().mapToInt(TrialRecord::number).distinct().count()).isEqualTo(trials);
    }

    private static int finished(Path journal) throws IOException {
        return Files.exists(journal) ? (int) Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count() : 0;
    }
}
