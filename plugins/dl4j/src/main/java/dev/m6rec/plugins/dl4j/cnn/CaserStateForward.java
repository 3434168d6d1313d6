package dev.m6rec.plugins.dl4j.cnn;

/**
 * A user's state vector {@code [sequence state | user embedding]} computed from a fitted
 * {@code cnn}'s parameters with plain loops: the inference half of {@link CaserKernel} for one
 * sequence (no dropout), the same function as the graph's {@code sequence-state} and
 * {@code user-embedding} outputs. One DL4J graph call costs milliseconds of bookkeeping per user;
 * this costs microseconds, which is what makes validating every epoch cheap. Immutable and
 * thread-safe (each call allocates its few small buffers).
 */
final class CaserStateForward {
    private final int embedding;
    private final int length;
    private final int[] heights;
    private final int horizontalFilters;
    private final int verticalFilters;
    private final int convolutionWidth;
    private final float[] sequenceTable;
    private final float[] userTable;
    /** Per height, DL4J's {@code [filters][1][d][h]} weights and the biases. */
    private final float[][] horizontal;
    private final float[][] horizontalBias;
    private final float[] vertical;
    private final float[] verticalBias;
    private final float[] stateWeights;
    private final float[] stateBias;

    CaserStateForward(CaserSettings settings, CaserParameters p) {
        this.embedding = settings.embedding();
        this.length = settings.length();
        this.heights = settings.heights();
        this.horizontalFilters = settings.horizontalFilters();
        this.verticalFilters = settings.verticalFilters();
        this.convolutionWidth = horizontalFilters * heights.length + verticalFilters * embedding;
        this.sequenceTable = p.get("sequence-embedding_W");
        this.userTable = p.get(CaserNetwork.USER_EMBEDDING + "_W");
        this.horizontal = new float[heights.length][];
        this.horizontalBias = new float[heights.length][];
        for (int i = 0; i < heights.length; i++) {
            horizontal[i] = p.get("horizontal-" + heights[i] + "_W");
            horizontalBias[i] = p.get("horizontal-" + heights[i] + "_b");
        }
        this.vertical = verticalFilters > 0 ? p.get("vertical_W") : null;
        this.verticalBias = verticalFilters > 0 ? p.get("vertical_b") : null;
        this.stateWeights = p.get(CaserNetwork.SEQUENCE_STATE + "_W");
        this.stateBias = p.get(CaserNetwork.SEQUENCE_STATE + "_b");
    }

    /** The state for the embedding rows {@code sequence} (length L, oldest first) and user row {@code userRow}. */
    float[] state(float[] sequence, int userRow) {
        int d = embedding;
        float[] image = new float[length * d];
        for (int t = 0; t < length; t++) {
            System.arraycopy(sequenceTable, (int) sequence[t] * d, image, t * d, d);
        }
        float[] features = new float[convolutionWidth];
        for (int i = 0; i < heights.length; i++) {
            int h = heights[i];
            float[] w = horizontal[i];
            for (int f = 0; f < horizontalFilters; f++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int t = 0; t + h <= length; t++) {
                    float sum = 0f;
                    for (int c = 0; c < d; c++) {
                        int w0 = (f * d + c) * h;
                        for (int j = 0; j < h; j++) {
                            sum += w[w0 + j] * image[(t + j) * d + c];
                        }
                    }
                    best = Math.max(best, sum);
                }
                features[i * horizontalFilters + f] = Math.max(0f, best + horizontalBias[i][f]);
            }
        }
        int offset = horizontalFilters * heights.length;
        for (int v = 0; v < verticalFilters; v++) {
            for (int k = 0; k < d; k++) {
                float sum = verticalBias[v];
                for (int t = 0; t < length; t++) {
                    sum += vertical[v * length + t] * image[t * d + k];
                }
                features[offset + v * d + k] = sum;
            }
        }
        float[] state = new float[2 * d];
        for (int k = 0; k < d; k++) {
            state[k] = stateBias[k];
        }
        for (int i = 0; i < convolutionWidth; i++) {
            float x = features[i];
            int row = i * d;
            for (int k = 0; k < d; k++) {
                state[k] += x * stateWeights[row + k];
            }
        }
        for (int k = 0; k < d; k++) {
            state[k] = Math.max(0f, state[k]);
        }
        System.arraycopy(userTable, userRow * d, state, d, d);
        return state;
    }
}
