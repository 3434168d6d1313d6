package dev.m6rec.core.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.data.ScoredItems;
import dev.m6rec.core.testing.MemoryArtifacts;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** HNSW over 4,000 clustered 16-wide vectors: recall against an exact scan, seeded builds, the stored graph. */
class HnswIndexTest {
    private static final int N = 4000;
    private static final int D = 16;
    private static final IndexSettings SETTINGS = new IndexSettings("hnsw", 16, 100, 100, 7);

    /** 40 planted cluster centres, each row a centre plus noise. */
    private static float[] clustered(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] centres = new float[40 * D];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) random.nextGaussian();
        }
        float[] data = new float[N * D];
        for (int i = 0; i < N; i++) {
            int c = random.nextInt(40);
            for (int j = 0; j < D; j++) {
                data[i * D + j] = centres[c * D + j] + 0.3f * (float) random.nextGaussian();
            }
        }
        return data;
    }

    private static int[] exactTop(float[] data, float[] query, int k) {
        CosineVectors vectors = new CosineVectors(data, D);
        float queryInverseNorm = CosineVectors.inverseNorm(query);
        float[] scores = new float[N];
        for (int i = 0; i < N; i++) {
            scores[i] = vectors.cosine(query, queryInverseNorm, i);
        }
        return ScoredItems.topK(scores, k, null).items();
    }

    @Test
    void recallAtTenAgainstExactScanIsAtLeast095() {
        float[] data = clustered(1);
        HnswIndex index = HnswIndex.build(data, D, SETTINGS);
        float[] queries = clustered(2);
        int hits = 0;
        for (int q = 0; q < 200; q++) {
            float[] query = Arrays.copyOfRange(queries, q * D, q * D + D);
            int[] exact = exactTop(data, query, 10);
            int[] found = index.search(query, 10, 100, null).items();
            assertThat(found).hasSize(10);
            for (int item : found) {
                hits += Arrays.stream(exact).anyMatch(e -> e == item) ? 1 : 0;
            }
        }
        assertThat(hits / 2000.0).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theSameSeedBuildsTheSameGraph() {
        float[] data = clustered(1);
        MemoryArtifacts a = new MemoryArtifacts("a");
        MemoryArtifacts b = new MemoryArtifacts("b");
        HnswIndex.build(data, D, SETTINGS).save(a);
        HnswIndex.build(data, D, SETTINGS).save(b);
        assertThat(a.files.keySet()).isEqualTo(b.files.keySet()).contains("hnsw.i32", "level-0-neighbours.i32");
        a.files.forEach((name, bytes) -> assertThat(b.files.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void filteredOutRowsAreNeverReturned() {
        float[] data = clustered(1);
        HnswIndex index = HnswIndex.build(data, D, SETTINGS);
        float[] query = Arrays.copyOfRange(data, 0, D);
        boolean[] odd = new boolean[N];
        for (int i = 1; i < N; i += 2) {
            odd[i] = true;
        }
        ScoredItems found = index.search(query, 10, 100, odd);
        assertThat(found.items()).hasSize(10);
        assertThat(Arrays.stream(found.items()).filter(i -> i % 2 != 0)).isEmpty();
        assertThat(found.item(0)).isEqualTo(0);
    }

    @Test
    void theScoresReportedAreExactCosinesBestFirstAndEveryRowExcludedFindsNothing() {
        float[] data = clustered(1);
        HnswIndex index = HnswIndex.build(data, D, SETTINGS);
        CosineVectors vectors = new CosineVectors(data, D);
        float[] queries = clustered(5);
        for (int q = 0; q < 50; q++) {
            float[] query = Arrays.copyOfRange(queries, q * D, q * D + D);
            ScoredItems found = index.search(query, 150, 100, null);   // k above ef: ef widens to k
            assertThat(found.size()).isEqualTo(150);
            float inverse = CosineVectors.inverseNorm(query);
            for (int r = 0; r < found.size(); r++) {
                assertThat(found.score(r)).isEqualTo(vectors.cosine(query, inverse, found.item(r)));
                if (r > 0) {
                    assertThat(found.score(r) < found.score(r - 1)
                            || (found.score(r) == found.score(r - 1) && found.item(r) > found.item(r - 1))).isTrue();
                }
            }
        }
        boolean[] all = new boolean[N];
        Arrays.fill(all, true);
        assertThat(index.search(Arrays.copyOfRange(queries, 0, D), 10, 100, all).size()).isZero();
    }

    @Test
    void aLoadedGraphSearchesExactlyAsTheBuiltOne() {
        float[] data = clustered(1);
        HnswIndex built = HnswIndex.build(data, D, SETTINGS);
        MemoryArtifacts folder = new MemoryArtifacts("recall-index");
        built.save(folder);
        HnswIndex loaded = HnswIndex.load(folder, data, D, SETTINGS);
        float[] queries = clustered(3);
        for (int q = 0; q < 50; q++) {
            float[] query = Arrays.copyOfRange(queries, q * D, q * D + D);
            ScoredItems a = built.search(query, 10, 100, null);
            ScoredItems b = loaded.search(query, 10, 100, null);
            assertThat(b.items()).isEqualTo(a.items());
            assertThat(b.scores()).isEqualTo(a.scores());
        }
    }

    @Test
    void aNeighbourOutOfRangeIsRefusedNamingTheFile() {
        float[] data = clustered(1);
        MemoryArtifacts folder = new MemoryArtifacts("recall-index");
        HnswIndex.build(data, D, SETTINGS).save(folder);
        int[] neighbours = readInts(folder.files.get("level-0-neighbours.i32"));
        neighbours[5] = N + 3;
        MemoryArtifacts tampered = new MemoryArtifacts("recall-index");
        folder.files.forEach((name, bytes) -> {
            if (name.equals("level-0-neighbours.i32")) {
                tampered.writeInts(name, neighbours);
            } else {
                tampered.files.put(name, bytes);
            }
        });
        assertThatThrownBy(() -> HnswIndex.load(tampered, data, D, SETTINGS))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("recall-index/level-0-neighbours.i32: neighbour " + (N + 3) + " at 5 is not a node of level 0"
                        + " (ids [0, " + N + "))");
    }

    @Test
    void aNodeOutOfRangeOnAnUpperLevelIsRefusedNamingTheFile() {
        float[] data = clustered(1);
        MemoryArtifacts folder = new MemoryArtifacts("recall-index");
        HnswIndex.build(data, D, SETTINGS).save(folder);
        int[] nodes = readInts(folder.files.get("level-1-nodes.i32"));
        nodes[nodes.length - 1] = N;
        folder.files.remove("level-1-nodes.i32");
        folder.writeInts("level-1-nodes.i32", nodes);
        assertThatThrownBy(() -> HnswIndex.load(folder, data, D, SETTINGS))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("recall-index/level-1-nodes.i32: node " + N + " at position " + (nodes.length - 1)
                        + " is out of range [0, " + N + ") or out of order");
    }

    @Test
    void aGraphOverOtherEmbeddingsIsRefused() {
        float[] data = clustered(1);
        MemoryArtifacts folder = new MemoryArtifacts("recall-index");
        HnswIndex.build(data, D, SETTINGS).save(folder);
        float[] fewer = Arrays.copyOf(data, (N - 1) * D);
        assertThatThrownBy(() -> HnswIndex.load(folder, fewer, D, SETTINGS))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("recall-index/hnsw.i32: graph over " + N + "x" + D + " vectors, but the item embeddings are "
                        + (N - 1) + "x" + D);
    }

    @Test
    void anEmptyMatrixSearchesToNothing() {
        HnswIndex index = HnswIndex.build(new float[0], D, SETTINGS);
        assertThat(index.search(new float[D], 10, 100, null).size()).isZero();
    }

    /** The payload of an .i32 file as written by ArtifactWriter.writeInts (read back through the reader). */
    private static int[] readInts(byte[] file) {
        MemoryArtifacts one = new MemoryArtifacts("x");
        one.files.put("f.i32", file);
        return one.readInts("f.i32");
    }
}
