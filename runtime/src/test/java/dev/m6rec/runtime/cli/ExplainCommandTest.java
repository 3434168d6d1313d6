package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.Contribution;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import dev.m6rec.runtime.TinyPipelines;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
    }

    @Test
    void explainsATopRecommendationByTheUsersHistory() {
        String user;
        String item;
        List<Contribution> expected;
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            user = rec.users().get(0);
            Recommendation top = rec.recommend(user, 1, null).get(0);
            item = top.item();
            expected = rec.explain(user, item);
        }
        CliRunner result = CliRunner.run("explain", "--artifact", artifact.toString(), "--user", user, "--item", item);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(expected).isNotEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(expected.size());
        for (int r = 0; r < lines.size(); r++) {
            String[] fields = lines.get(r).split("\t");
            assertThat(fields[0]).isEqualTo(item);
            assertThat(fields[1]).isEqualTo(expected.get(r).item());
            assertThat(Float.parseFloat(fields[2])).isCloseTo(expected.get(r).weight(), org.assertj.core.api.Assertions.within(1e-4f));
            assertThat(fields[3]).isEqualTo(String.valueOf(r + 1));
        }
        // Weights are best first.
        for (int r = 1; r < expected.size(); r++) {
            assertThat(expected.get(r).weight()).isLessThanOrEqualTo(expected.get(r - 1).weight());
        }
    }

    @Test
    void anUnknownUserIsAOneLineUserError() {
        CliRunner result = CliRunner.run("explain", "--artifact", artifact.toString(), "--user", "nobody", "--item", "i1");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: unknown user 'nobody'" + System.lineSeparator());
    }
}
