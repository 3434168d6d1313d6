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
    void improvesOnTheUntunedQuickStartAndWritesABestYamlThatRuns() throws IOException {
        CliRunner tuned = CliRunner.run("tune", "../examples/quickstart-tune.yaml",
                "--set", "output.dir=" + dir.resolve("study"));
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        Matcher m = RESULT.matcher(tuned.out());
        assertThat(m.find()).as(tuned.out()).isTrue();
        double untuned = Double.parseDouble(m.group(1));
        double best = Double.parseDouble(m.group(2));
        assertThat(best).isGreaterThan(untuned);
        assertThat(dir.resolve("study/report.html")).exists();
        assertThat(Files.readString(dir.resolve("study/report.html"))).as("the convergence chart's spec").contains("so far\"");
        assertThat(new StudyJournal(dir.resolve("study/study.jsonl")).read()).hasSize(16);

        CliRunner rerun = CliRunner.run("run", dir.resolve("study/best.yaml").toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("ndcg@10");
    }

    @Test
    void bestYamlRunsFromItsOwnFolderWithEveryPathParameterResolved() throws IOException {
        Path data = Files.createDirectories(dir.resolve("project/data"));
        StringBuilder ratings = new StringBuilder("user,item,rating,time\n");
        StringBuilder users = new StringBuilder("id,age\n");
        StringBuilder items = new StringBuilder("id,genre\n");
        for (int u = 0; u < 30; u++) {
            users.append("u").append(u).append(',').append(20 + u).append('\n');
            for (int k = 0; k < 6; k++) {
                ratings.append("u").append(u).append(",i").append((u * 7 + k * 3) % 20).append(",4,")
                        .append(1_600_000_000 + 86_400 * (u + k)).append('\n');
            }
        }
        for (int i = 0; i < 20; i++) {
            items.append("i").append(i).append(',').append(i % 3 == 0 ? "drama" : "comedy").append('\n');
        }
        Files.writeString(data.resolve("ratings.csv"), ratings);
        Files.writeString(data.resolve("users.csv"), users);
        Files.writeString(data.resolve("items.csv"), items);
        Path config = dir.resolve("project/tune.yaml");
        Files.writeString(config, """
                data:
                  type: csv
                  path: data/ratings.csv
                  columns: { user: user, item: item, rating: rating, timestamp: time }
                  user-attributes: { path: data/users.csv, id: id, columns: { age: numeric } }
                  item-attributes: { path: data/items.csv, id: id, columns: { genre: categorical } }
                features: { item: [ { type: categorical, fields: [genre] } ] }
                interest: { type: popularity }
                optimizer: { type: random, trials: 2, space: { interest.decay: { float: [0, 0.1] } } }
                output: { samples: 0 }
                """);
        CliRunner tuned = CliRunner.run("tune", config.toString(), "--set", "output.dir=" + dir.resolve("elsewhere"));
        assertThat(tuned.exitCode()).as(tuned.err()).isZero();
        String best = Files.readString(dir.resolve("elsewhere/best.yaml"));
        assertThat(best).contains(data.resolve("ratings.csv").toString(), data.resolve("users.csv").toString(),
                data.resolve("items.csv").toString());
        CliRunner rerun = CliRunner.run("run", dir.resolve("elsewhere/best.yaml").toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
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
