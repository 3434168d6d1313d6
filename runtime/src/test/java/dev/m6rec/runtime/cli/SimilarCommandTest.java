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
    void anItemWithoutNeighboursSaysSo() throws IOException {
        StringBuilder ratings = new StringBuilder("user,item\n");
        for (int u = 0; u < 60; u++) {
            for (int i = 0; i < 6; i++) {
                ratings.append('u').append(u).append(",i").append((u + i) % 12).append('\n');
            }
        }
        Path data = Files.createDirectories(dir.resolve("lonely"));
        Files.writeString(data.resolve("ratings.csv"), ratings);
        // "lonely" is in the catalogue (the attribute file) but nobody used it.
        Files.writeString(data.resolve("items.csv"), "id,title\ni0,Zero\nlonely,Nobody's\n");
        Path lonely = TinyPipelines.artifact(data, "lonely", """
                data:
                  type: csv
                  path: ratings.csv
                  columns: { user: user, item: item }
                  item-attributes: { path: items.csv, id: id, columns: { title: text } }
                split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
                similarity: { type: cosine, source: interactions }
                interest: { type: item-knn }
                """);

        CliRunner result = CliRunner.run("similar", "--artifact", lonely.toString(), "--item", "lonely");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("m6rec similar: item 'lonely' has no similar items in this artifact (its"
                + " similarity to every other item is 0, e.g. no training interactions)" + System.lineSeparator());
        CliRunner used = CliRunner.run("similar", "--artifact", lonely.toString(), "--item", "i0");
        assertThat(used.out()).isNotEmpty();
        assertThat(used.err()).isEmpty();
    }

    @Test
    void aHeaderLineNamesTheColumnsOnRequest() throws IOException {
        CliRunner one = CliRunner.run("similar", "--artifact", artifact.toString(), "--item", "i4", "-k", "2", "--header");
        assertThat(one.out().lines().toList()).hasSize(3).first().isEqualTo("item\tsimilar_item\tsimilarity\trank");
        Path output = dir.resolve("sims-with-header.tsv");
        CliRunner all = CliRunner.run("similar", "--artifact", artifact.toString(), "--all-items", "-k", "2",
                "--output", output.toString(), "--header");
        assertThat(all.exitCode()).as(all.err()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.get(0)).isEqualTo("item\tsimilar_item\tsimilarity\trank");
        assertThat(lines).hasSize(1 + 2 * 100);
        assertThat(all.err()).contains("m6rec similar: 200 lines for 100 items");
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
