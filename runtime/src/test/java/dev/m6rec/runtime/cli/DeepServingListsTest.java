package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import dev.m6rec.runtime.TinyPipelines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving benchmark's deep-model shape in small (an mlp; embedding recall through the HNSW
 * index stored in the artifact, history and popular recall; MMR diversity): the lists the trained
 * pipeline gives are served unchanged from the loaded artifact, after a reload, and by the batch
 * export ({@code recommend --all-users}), item for item and score for score.
 */
class DeepServingListsTest {
    private static final String DEEP_SERVING = TinyPipelines.MLP + """
            recommend: { recall: { history: 30, embedding: 30, popular: 20 }, index: hnsw, diversity: 0.2 }
            """;

    @TempDir
    Path dir;

    private static List<List<Recommendation>> lists(M6Rec rec, List<String> users) {
        List<List<Recommendation>> lists = new ArrayList<>();
        for (String user : users) {
            lists.add(rec.recommend(user, 10, null));
        }
        return lists;
    }

    @Test
    void servedReloadedAndExportedListsEqualTheTrainedPipelines() throws IOException {
        Path artifact = dir.resolve("deep-artifact");
        List<String> users;
        List<List<Recommendation>> trained;
        try (M6Rec rec = TinyPipelines.train(dir, "deep", DEEP_SERVING)) {
            rec.save(artifact);
            users = rec.users();
            trained = lists(rec, users);
        }
        assertThat(artifact.resolve("recall-index")).isDirectory();
        assertThat(trained).allSatisfy(list -> assertThat(list).hasSize(10));

        try (M6Rec served = M6Rec.load(artifact, List.of())) {
            served.setCacheLimit(0);
            assertThat(lists(served, users)).isEqualTo(trained);
            served.reload(artifact);
            assertThat(lists(served, users)).isEqualTo(trained);
        }

        Path output = dir.resolve("deep-recs.tsv");
        CliRunner export = CliRunner.run("recommend", "--artifact", artifact.toString(), "--all-users", "-k", "10",
                "--output", output.toString(), "--threads", "2");
        assertThat(export.exitCode()).as(export.err()).isZero();
        StringBuilder expected = new StringBuilder();
        for (int u = 0; u < users.size(); u++) {
            expected.append(RecommendCommandTest.tsv(users.get(u), trained.get(u)));
        }
        assertThat(Files.readString(output)).isEqualTo(expected.toString());
    }
}
