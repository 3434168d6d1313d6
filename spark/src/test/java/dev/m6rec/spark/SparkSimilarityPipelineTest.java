package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pipeline with and without a {@code spark:} section: with it, the similarity over
 * interactions fits on Spark, and item-knn ranking with it, history recall, MMR diversity and
 * "similar items" give the very lists the single-machine run gives, before and after the
 * Spark-fitted artifact is saved and loaded.
 */
class SparkSimilarityPipelineTest {
    private static final String PIPELINE = "seed: 11\n"
            + "data: { type: synthetic, users: 120, items: 70 }\n"
            + "split: { type: ratio, ratios: [0.8, 0.1, 0.1], order: random, per-user: true }\n"
            + "similarity: { type: cosine, source: interactions, neighbours: 8 }\n"
            + "interest: { type: item-knn, neighbours: 8 }\n"
            + "recommend: { k: 6, recall: { history: 30, popular: 5 }, diversity: 0.2 }\n"
            + "evaluation: { metrics: [ndcg@5] }\n";
    /** LocalSpark's session: the run joins it, or starts it with these settings. */
    private static final String SPARK = "spark: { master: 'local[2]', conf: { spark.sql.shuffle.partitions: 3, "
            + "spark.default.parallelism: 2 } }\n";

    @TempDir
    Path dir;

    @Test
    void itemKnnRecommendsAndListsSimilarItemsAsWithoutSpark() throws IOException {
        LocalSpark.session();
        assertSameAsWithoutSpark(dir);
    }

    /**
     * Trains the pipeline with and without a {@code spark:} section (joining the running session)
     * under {@code dir} and checks that the lists agree; the standalone-cluster test runs it too.
     */
    static void assertSameAsWithoutSpark(Path dir) throws IOException {
        Path plain = config(dir, "plain", PIPELINE);
        Path spark = config(dir, "spark", SPARK + PIPELINE);
        List<String> plainMessages = new CopyOnWriteArrayList<>();
        List<String> sparkMessages = new CopyOnWriteArrayList<>();
        try (M6Rec expected = M6Rec.fromConfig(plain, List.of(), recording(plainMessages));
             M6Rec onSpark = M6Rec.fromConfig(spark, List.of(), recording(sparkMessages))) {
            expected.train();
            onSpark.train();
            assertThat(sparkMessages).contains("all pairs on spark");
            assertThat(plainMessages).isNotEmpty().doesNotContain("all pairs on spark");
            assertSameLists(expected, onSpark);
            onSpark.save(dir.resolve("artifact"));
            try (M6Rec loaded = M6Rec.load(dir.resolve("artifact"), List.of())) {
                assertSameLists(expected, loaded);
            }
        }
    }

    private static void assertSameLists(M6Rec expected, M6Rec actual) {
        List<String> users = expected.users();
        assertThat(actual.users()).isEqualTo(users);
        assertThat(actual.recommendAll(users, 6)).isEqualTo(expected.recommendAll(users, 6));
        List<List<Recommendation>> similar = new ArrayList<>();
        List<List<Recommendation>> similarOnSpark = new ArrayList<>();
        for (String item : expected.items()) {
            similar.add(expected.similarItems(item, 8));
            similarOnSpark.add(actual.similarItems(item, 8));
        }
        assertThat(similarOnSpark).isEqualTo(similar);
        assertThat(similar.stream().filter(l -> l.size() == 8).count()).as("items with a full list").isPositive();
    }

    /** A reporter that keeps every task's messages. */
    private static ProgressReporter recording(List<String> messages) {
        return new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                messages.add(name);
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
                    }

                    @Override
                    public void message(String message) {
                        messages.add(message);
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void info(String message) {
                messages.add(message);
            }
        };
    }

    private static Path config(Path dir, String name, String yaml) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, yaml + "output: { dir: " + dir.resolve(name + "-run") + " }\n");
        return file;
    }
}
