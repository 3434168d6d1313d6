package dev.m6rec.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.ann.IndexSettings;
import dev.m6rec.core.config.RecommendSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Embedding recall through the HNSW graph against the exact scan, on 3,000 items in 30 planted
 * clusters: with the recall quota as the list length and a model that ranks every candidate the
 * same, the list is the recalled set.
 */
class EmbeddingRecallIndexTest {
    private static final int ITEMS = 3000;
    private static final int USERS = 50;
    private static final int D = 8;
    private static final int QUOTA = 20;

    private static FittedPipeline pipeline() {
        SplittableRandom random = new SplittableRandom(11);
        float[] centres = new float[30 * D];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) random.nextGaussian();
        }
        float[] embeddings = new float[ITEMS * D];
        for (int i = 0; i < ITEMS; i++) {
            for (int c = 0; c < D; c++) {
                embeddings[i * D + c] = centres[(i % 30) * D + c] + 0.4f * (float) random.nextGaussian();
            }
        }
        FeatureMatrix table = new FeatureMatrix(ITEMS, IntStream.range(0, D).mapToObj(c -> "e" + c).toList(), embeddings);
        InterestModel flat = new InterestModel() {
            public void fit(TrainingData data) {
            }

            public void score(UserProfile user, int[] items, float[] out) {
                for (int k = 0; k < items.length; k++) {
                    out[k] = -items[k]; // a fixed order: the list is the recalled set, sorted
                }
            }

            public Optional<FeatureMatrix> itemEmbeddings() {
                return Optional.of(table);
            }

            public void save(ArtifactWriter out) {
            }

            public void load(ArtifactReader in, ModelInputs inputs) {
            }
        };
        // Each user touched three items of one cluster.
        int[] users = new int[USERS * 3];
        int[] items = new int[USERS * 3];
        for (int u = 0; u < USERS; u++) {
            for (int h = 0; h < 3; h++) {
                users[u * 3 + h] = u;
                items[u * 3 + h] = (u % 30) + 30 * (h + u);
            }
        }
        Interactions known = new Interactions(USERS, ITEMS, users, items, null, null);
        return new FittedPipeline(IdIndex.range("u", USERS), IdIndex.range("i", ITEMS), List.of(), List.of(),
                FeatureMatrix.empty(USERS), FeatureMatrix.empty(ITEMS), Optional.empty(), flat,
                new UserHistories(known, FeatureMatrix.empty(USERS)));
    }

    private static RecommendSettings settings(String index) {
        return new RecommendSettings(QUOTA, Map.of("embedding", QUOTA), 0, new IndexSettings(index, 16, 100, 100, 42));
    }

    @Test
    void hnswRecallFindsNearlyEveryItemTheExactScanFindsAndNeverAHistoryItem() {
        FittedPipeline pipeline = pipeline();
        Recommender exact = new Recommender(pipeline, settings("exact"));
        Recommender hnsw = new Recommender(pipeline, settings("hnsw"));
        assertThat(pipeline.recallIndex(settings("exact").index())).isEmpty();
        assertThat(pipeline.recallIndex(settings("hnsw").index())).isPresent();
        int found = 0;
        for (int u = 0; u < USERS; u++) {
            UserProfile profile = pipeline.profile(u);
            int[] truth = exact.recommend(profile, QUOTA, null).items();
            int[] approximate = hnsw.recommend(profile, QUOTA, null).items();
            assertThat(truth).hasSize(QUOTA);
            for (int item : profile.history()) {
                assertThat(approximate).doesNotContain(item);
            }
            found += (int) Arrays.stream(approximate).filter(i -> Arrays.stream(truth).anyMatch(t -> t == i)).count();
        }
        assertThat(found / (double) (USERS * QUOTA)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void autoSearchesExactlyBelowTheThreshold() {
        FittedPipeline pipeline = pipeline();
        assertThat(ITEMS).isLessThan(IndexSettings.AUTO_THRESHOLD);
        assertThat(pipeline.recallIndex(IndexSettings.defaults())).isEmpty();
        assertThat(new IndexSettings("auto", 16, 100, 100, 42).usesHnsw(IndexSettings.AUTO_THRESHOLD)).isTrue();
    }

    @Test
    void theGraphIsBuiltOnceAndSharedWithAPipelineViewWithAnotherSimilarity() {
        FittedPipeline pipeline = pipeline();
        IndexSettings hnsw = settings("hnsw").index();
        assertThat(pipeline.recallIndex(hnsw).orElseThrow()).isSameAs(pipeline.recallIndex(hnsw).orElseThrow());
        assertThat(pipeline.withSimilarity(Optional.empty()).recallIndex(hnsw).orElseThrow())
                .isSameAs(pipeline.recallIndex(hnsw).orElseThrow());
    }
}
