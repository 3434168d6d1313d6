package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import dev.m6rec.runtime.TinyPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "serving", TinyPipelines.SERVING_PATH);
    }

    @Test
    void printsOneUsersListAsTsv() {
        CliRunner result = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u12", "-k", "5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(tsv("u12", expected("u12", 5)));
    }

    @Test
    void exportsEveryUserInUserOrderUsingSeveralThreads() throws IOException {
        Path output = dir.resolve("out").resolve("recs.tsv");
        CliRunner result = CliRunner.run("recommend", "--artifact", artifact.toString(), "--all-users", "-k", "7",
                "--output", output.toString(), "--threads", "3");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).startsWith("m6rec recommend: 1400 lines for 200 users to " + output);
        StringBuilder expected = new StringBuilder();
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            assertThat(rec.users()).hasSize(200);
            for (String user : rec.users()) {
                expected.append(tsv(user, rec.recommend(user, 7, null)));
            }
        }
        assertThat(Files.readString(output)).isEqualTo(expected.toString());
        assertThat(Files.list(output.getParent()).map(p -> p.getFileName().toString()).toList())
                .as("no temporary file left behind").containsExactly("recs.tsv");
    }

    @Test
    void aFullRankingExportScoresBlocksOfUsersWithinFloatRoundingOfOneByOne() throws IOException {
        // bpr with exact full ranking: the export scores 256 users per GEMM, --user one at a time.
        Path bpr = TinyPipelines.artifact(dir, "bpr", TinyPipelines.ITEM_KNN.replace("interest: { type: item-knn }",
                "interest: { type: bpr, factors: 8, epochs: 5 }"));
        Path output = dir.resolve("bpr-recs.tsv");
        CliRunner result = CliRunner.run("recommend", "--artifact", bpr.toString(), "--all-users", "-k", "5",
                "--output", output.toString(), "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();

        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(1000);
        try (M6Rec rec = M6Rec.load(bpr, List.of())) {
            int line = 0;
            for (String user : rec.users()) {
                for (Recommendation r : rec.recommend(user, 5, null)) {
                    String[] fields = lines.get(line++).split("\t");
                    assertThat(List.of(fields[0], fields[1], fields[3])).as("line %d", line)
                            .containsExactly(user, r.item(), String.valueOf(r.rank()));
                    assertThat(Float.parseFloat(fields[2])).as("line %d", line)
                            .isCloseTo(r.score(), within(1e-5f * (1 + Math.abs(r.score()))));
                }
            }
        }
    }

    @Test
    void theExportStreamsToStandardOutputWithoutAnOutputFile() {
        CliRunner result = CliRunner.run("recommend", "--artifact", artifact.toString(), "--all-users", "-k", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(400);
        assertThat(lines.get(0)).startsWith("u1\t").endsWith("\t1");
        assertThat(lines.get(1)).startsWith("u1\t").endsWith("\t2");
    }

    @Test
    void aHeaderLineNamesTheColumnsOnRequest() {
        CliRunner one = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u12", "-k", "3", "--header");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.out().lines().toList()).hasSize(4).first().isEqualTo("user\titem\tscore\trank");
        CliRunner all = CliRunner.run("recommend", "--artifact", artifact.toString(), "--all-users", "-k", "1", "--header");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().toList()).hasSize(201).first().isEqualTo("user\titem\tscore\trank");
        assertThat(all.out().lines().skip(1)).allMatch(line -> line.matches("u\\d+\t\\S+\t\\S+\t1"));
        CliRunner plain = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u12", "-k", "3");
        assertThat(plain.out().lines().toList()).hasSize(3).noneMatch(line -> line.startsWith("user\t"));
    }

    @Test
    void anUnknownUserIsAOneLineUserError() {
        CliRunner result = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "nobody");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: unknown user 'nobody'" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingArtifactOrBadOptionsAreUserErrors() {
        CliRunner missing = CliRunner.run("recommend", "--artifact", dir.resolve("nothing").toString(), "--user", "u1");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(missing.err()).isEqualTo("error: " + dir.resolve("nothing").toAbsolutePath()
                + ": not an M6-Rec artifact (no manifest.json)" + System.lineSeparator());
        CliRunner both = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u1", "--all-users");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(both.err()).startsWith("error: Error: --user=U, --all-users are mutually exclusive");
        CliRunner badK = CliRunner.run("recommend", "--artifact", artifact.toString(), "--user", "u1", "-k", "0");
        assertThat(badK.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(badK.err()).isEqualTo("error: -k must be >= 1 (was 0)" + System.lineSeparator());
    }

    private static List<Recommendation> expected(String user, int k) {
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            return new ArrayList<>(rec.recommend(user, k, null));
        }
    }

    static String tsv(String id, List<Recommendation> list) {
        StringBuilder out = new StringBuilder();
        for (Recommendation r : list) {
            out.append(id).append('\t').append(r.item()).append('\t').append(r.score()).append('\t').append(r.rank()).append('\n');
        }
        return out.toString();
    }
}
