package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.TinyPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarCommandTest {
    @TempDir
    static Path dir;
    private static Path artifact;

    @BeforeAll
    static void train() {
        artifact = TinyPipelines.artifact(dir, "knn", TinyPipelines.ITEM_KNN);
    }

    @Test
    void printsOneItemsNeighboursAsTsv() {
        CliRunner result = CliRunner.run("similar", "--artifact", artifact.toString(), "--item", "i4", "-k", "6");
        assertThat(result.exitCode()).as(result.err()).isZero();
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            assertThat(result.out()).isEqualTo(RecommendCommandTest.tsv("i4", rec.similarItems("i4", 6)));
        }
        assertThat(result.out().lines()).hasSize(6).allMatch(line -> line.startsWith("i4\t") && !line.startsWith("i4\ti4\t"));
    }

    @Test
    void exportsEveryItemsNeighboursInItemOrder() throws IOException {
        Path output = dir.resolve("sims.tsv");
        CliRunner result = CliRunner.run("similar", "--artifact", artifact.toString(), "--all-items", "-k", "3",
                "--output", output.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        StringBuilder expected = new StringBuilder();
        try (M6Rec rec = M6Rec.load(artifact, List.of())) {
            for (String item : rec.items()) {
                expected.append(RecommendCommandTest.tsv(item, rec.similarItems(item, 3)));
            }
        }
        assertThat(Files.readString(output)).isEqualTo(expected.toString());
    }

    @Test
    void anUnknownItemIsAOneLineUserError() {
        CliRunner result = CliRunner.run("similar", "--artifact", artifact.toString(), "--item", "nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: unknown item 'nope'" + System.lineSeparator());
    }

    @Test
    void aPipelineWithoutSimilarityIsAUserError() {
        Path popularity = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        CliRunner result = CliRunner.run("similar", "--artifact", popularity.toString(), "--item", "i1");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(result.err()).isEqualTo("error: similarity: similar items need a similarity section" + System.lineSeparator());
    }
}
