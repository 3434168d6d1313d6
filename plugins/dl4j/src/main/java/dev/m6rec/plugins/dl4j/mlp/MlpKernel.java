package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.plugins.dl4j.train.AdamParameter;
import dev.m6rec.plugins.dl4j.train.LaneThreads;
import java.util.random.RandomGenerator;

/**
 * The {@code mlp} network's training step fused into one pass over preallocated float arrays:
 * embedding gathers, the tower's matrix products (OpenBLAS through {@link Gemm}), activations,
 * both heads and their losses, the backward pass and Adam, for exactly the graph that
 * {@link MlpNetwork} describes. DL4J's own {@code ComputationGraph.fit} spends tens of
 * microseconds per op on bookkeeping, which for recommender-sized layers costs several times
 * the arithmetic; here a step is a handful of BLAS calls plus tight loops.
 *
 * <p>It trains an {@link MlpParameters} in place, which is copied from and back into the DL4J
 * network (same values, same initialisation), so persistence and the configuration JSON stay
 * DL4J's. Embedding
 * tables use lazy Adam (only rows seen in the batch move, as with sparse gradients); the tower
 * and heads use dense Adam with DL4J's defaults. Weight decay is decoupled and skips biases.
 * Dropout is inverted dropout on each dense layer's input except the first, like the graph's.
 *
 * <p>With several threads, each batch is cut into as many blocks of consecutive rows
 * ({@link MlpLane}s), whose forward and backward passes run at once on the kernel's own threads
 * ({@link LaneThreads}); their dense gradients are then summed in lane order, and the embedding
 * gradients scattered row by row as with one thread. The history pooling (gather, scatter and
 * Adam step of its table) runs on the last thread beside the caller's share of the same phase,
 * so its table stays in one core's cache. Dropout masks are drawn in the one-thread order before
 * the lanes start. So a run is deterministic for a given thread count, and differs from the
 * one-thread run only in the rounding of the summed gradients (the GEMMs over a block of rows
 * instead of all).
 *
 * <p>Finer splits were measured slower on the two-core benchmark machine: the user, item and
 * history tables' scatter and Adam step split by rows or columns over both threads, and the
 * history pooling per lane, each moved table rows between the cores every phase, where a cache
 * line's round trip between them takes about 450 ns.
 */
final class MlpKernel implements AutoCloseable {

    private final MlpShape shape;
    private final MlpParameters parameters;
    private final int embedding;
    private final int[] widths;
    private final int topWidth;
    private final boolean gmf;
    private final int heads;
    private final int clickColumn;
    private final int ratingColumn;
    private final float retain;
    private final float learningRate;
    private final int maxRows;
    /** The history pooling's table and its training state; null when pooling is off. */
    private final HistoryPool history;
    /** The cold-start head's training state; null without the head. */
    private final ColdHeadKernel cold;
    /** Blocks of each batch's rows; the first writes its dense gradients straight into the parameters'. */
    private final MlpLane[] lanes;
    /** Runs lanes 1.. while the calling thread runs lane 0. */
    private final LaneThreads threads;
    /** A row's gradient at its user vector, for the history pooling's thread. */
    private final float[] historyUserGrad;
    private int activeLanes;

    // Each parameter with its gradient and Adam moments; the tables take lazy Adam on the rows a batch touches.
    private final AdamParameter userParam;
    private final AdamParameter itemParam;
    private final AdamParameter[] weightParams;
    private final AdamParameter[] biasParams;
    private final AdamParameter headWeightParam;
    private final AdamParameter headBiasParam;

    private int step;
    private double clickLossSum;
    private long clickRows;
    private double ratingLossSum;
    private long ratedRows;

    /** As {@link #MlpKernel(MlpSettings, MlpShape, MlpParameters, SparseRows, int, int)} on one thread. */
    MlpKernel(MlpSettings settings, MlpShape shape, MlpParameters parameters, SparseRows histories, int maxRows) {
        this(settings, shape, parameters, histories, maxRows, 1);
    }

    /**
     * A kernel training {@code parameters} in place, for batches of up to {@code maxRows} rows, on
     * {@code threads} threads (the caller's and {@code threads - 1} of its own; {@link #close}
     * stops them); {@code histories} (users' training items) feed the history pooling when it is on.
     */
    MlpKernel(MlpSettings settings, MlpShape shape, MlpParameters parameters, SparseRows histories, int maxRows,
              int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (was " + threads + ")");
        }
        this.shape = shape;
        this.parameters = parameters;
        this.embedding = settings.embedding();
        this.widths = settings.hidden();
        this.gmf = settings.gmf();
        this.heads = (shape.clickHead() ? 1 : 0) + (shape.ratingHead() ? 1 : 0);
        this.clickColumn = shape.clickHead() ? 0 : -1;
        this.ratingColumn = shape.ratingHead() ? heads - 1 : -1;
        this.retain = (float) (1 - settings.training().dropout());
        this.learningRate = (float) settings.training().learningRate();
        this.maxRows = maxRows;
        float decay = learningRate * (float) settings.training().weightDecay();   // decoupled: biases take none
        this.history = parameters.historyTable == null ? null
                : new HistoryPool(parameters.historyTable, embedding, histories, maxRows, decay);
        this.cold = shape.coldHead() ? new ColdHeadKernel(parameters, shape, settings.coldHead(), histories, maxRows,
                decay) : null;

        userParam = AdamParameter.table(parameters.userTable, embedding, decay);
        itemParam = AdamParameter.table(parameters.itemTable, embedding, decay);
        int layers = widths.length;
        weightParams = new AdamParameter[layers];
        biasParams = new AdamParameter[layers];
        float[][] weightGradients = new float[layers][];
        float[][] biasGradients = new float[layers][];
        for (int l = 0; l < layers; l++) {
            weightParams[l] = AdamParameter.dense(parameters.weights[l], decay);
            biasParams[l] = AdamParameter.dense(parameters.biases[l], 0f);
            weightGradients[l] = weightParams[l].gradient;
            biasGradients[l] = biasParams[l].gradient;
        }
        headWeightParam = AdamParameter.dense(parameters.headWeights, decay);
        headBiasParam = AdamParameter.dense(parameters.headBias, 0f);

        int laneCount = Math.max(1, Math.min(threads, maxRows));
        int laneRows = (maxRows + laneCount - 1) / laneCount;
        lanes = new MlpLane[laneCount];
        lanes[0] = new MlpLane(settings, shape, parameters, laneRows, weightGradients, biasGradients,
                headWeightParam.gradient, headBiasParam.gradient);
        for (int j = 1; j < laneCount; j++) {
            lanes[j] = new MlpLane(settings, shape, parameters, laneRows, null, null, null, null);
        }
        this.topWidth = lanes[0].topWidth();
        this.threads = new LaneThreads(laneCount, "mlp-kernel-lane");
        this.historyUserGrad = new float[embedding];
    }

    // ---------------------------------------------------------------- training

    /** One Adam step on rows {@code [start, start + rows)} of {@code examples}. */
    void step(MlpExamples examples, int start, int rows, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
              RandomGenerator rng) {
        gradients(examples, start, rows, userFeatures, itemFeatures, rng);
        update();
    }

    /** Forward and backward pass only; the gradients are left in the gradient arrays (tests compare them). */
    void gradients(MlpExamples examples, int start, int rows, FeatureMatrix userFeatures, FeatureMatrix itemFeatures,
                   RandomGenerator rng) {
        if (rows > maxRows) {
            throw new IllegalArgumentException(rows + " rows exceed the kernel's " + maxRows);
        }
        int laneRows = (rows + lanes.length - 1) / lanes.length;
        activeLanes = (rows + laneRows - 1) / laneRows;
        // While the last thread pools the histories, the caller gathers the rest of the input, draws
        // the dropout masks and runs the cold-start head, whose parameters are its own.
        besideHistory(() -> {
            for (int j = 0; j < activeLanes; j++) {
                int first = j * laneRows;
                lanes[j].gather(examples, start + first, first, Math.min(laneRows, rows - first), userFeatures,
                        itemFeatures);
            }
            drawDropMasks(rng);
            if (cold != null) {
                cold.gradients(examples, start, rows, userFeatures.data(), itemFeatures.data());
            }
        }, () -> {
            history.begin();
            history.pool(examples, start, rows);
        });
        computeLanes(examples, 1f / rows);   // DL4J averages every head's loss over the whole minibatch
        for (int j = 0; j < activeLanes; j++) {
            MlpLane lane = lanes[j];
            if (j > 0) {
                lane.addGradientsTo(lanes[0]);
            }
            clickLossSum += lane.clickLossSum;
            clickRows += lane.clickRows;
            ratingLossSum += lane.ratingLossSum;
            ratedRows += lane.ratedRows;
        }
        scatterEmbeddingGradients(examples);
    }

    /** The active lanes' dropout masks in the one-thread order: every row's mask of one layer before the next layer's. */
    private void drawDropMasks(RandomGenerator rng) {
        if (retain == 1) {
            return;
        }
        for (int l = 1; l < widths.length; l++) {
            for (int j = 0; j < activeLanes; j++) {
                lanes[j].drawDropMask(l, rng);
            }
        }
        for (int j = 0; j < activeLanes; j++) {
            lanes[j].drawTopMask(rng);
        }
    }

    /** Every active lane's forward and backward pass, lane 0 on this thread; returns when all are done. */
    private void computeLanes(MlpExamples examples, float perRow) {
        threads.run(j -> {
            if (j < activeLanes) {
                lanes[j].compute(examples, perRow, history);
            }
        });
    }

    /** The rows' gradients at their embeddings into the user and item tables, and the history pooling's, at once. */
    private void scatterEmbeddingGradients(MlpExamples examples) {
        besideHistory(() -> scatterIntoTables(examples), this::scatterIntoHistory);
    }

    /**
     * {@code callerWork} on this thread and, with history pooling, {@code historyWork} on the last
     * lane thread at the same time (after it, with one thread); returns when both are done. The
     * last lane, as its block of rows is the shortest.
     */
    private void besideHistory(Runnable callerWork, Runnable historyWork) {
        int historyLane = threads.lanes() - 1;
        threads.run(lane -> {
            if (lane == 0) {
                callerWork.run();
            }
            if (lane == historyLane && history != null) {
                historyWork.run();
            }
        });
    }

    private void scatterIntoTables(MlpExamples examples) {
        userParam.clearGradient();
        itemParam.clearGradient();
        float[] userGrad = userParam.gradient;
        float[] itemGrad = itemParam.gradient;
        int twoE = 2 * embedding;
        int gmfOffset = widths[widths.length - 1];
        int inputWidth = lanes[0].inputWidth();
        for (int j = 0; j < activeLanes; j++) {
            MlpLane lane = lanes[j];
            float[] x = lane.x;
            float[] topGrad = lane.topGrad;
            float[] embeddingGrad = lane.embeddingGrad;
            for (int r = 0; r < lane.rows; r++) {
                int e = lane.start + r;
                int ub = userParam.touch(examples.userRows[e]);
                int ib = itemParam.touch(examples.itemRows[e]);
                int gb = r * twoE;
                int xb = r * inputWidth;
                int tb = r * topWidth + gmfOffset;
                // du as userVectorGradient computes it, fused with the sums.
                for (int k = 0; k < embedding; k++) {
                    float du = embeddingGrad[gb + k];
                    float di = embeddingGrad[gb + embedding + k];
                    if (gmf) {
                        float g = topGrad[tb + k];
                        du += g * x[xb + embedding + k];
                        di += g * x[xb + k];
                    }
                    userGrad[ub + k] += du;
                    itemGrad[ib + k] += di;
                }
            }
        }
    }

    private void scatterIntoHistory() {
        for (int j = 0; j < activeLanes; j++) {
            MlpLane lane = lanes[j];
            for (int r = 0; r < lane.rows; r++) {
                userVectorGradient(lane, r, historyUserGrad);
                history.backward(lane.first + r, historyUserGrad, 0);
            }
        }
        history.scatter();
    }

    /** Row {@code r} of {@code lane}'s gradient at its user vector, the GMF product's share included, into {@code du}. */
    private void userVectorGradient(MlpLane lane, int r, float[] du) {
        float[] x = lane.x;
        float[] topGrad = lane.topGrad;
        float[] embeddingGrad = lane.embeddingGrad;
        int gb = r * 2 * embedding;
        int xb = r * lane.inputWidth();
        int tb = r * topWidth + widths[widths.length - 1];
        for (int k = 0; k < embedding; k++) {
            float u = embeddingGrad[gb + k];
            if (gmf) {
                u += topGrad[tb + k] * x[xb + embedding + k];
            }
            du[k] = u;
        }
    }

    /** Stops the kernel's own threads. */
    @Override
    public void close() {
        threads.close();
    }

    /** Adam on every parameter: the history table's on its own thread, beside the rest. */
    private void update() {
        step++;
        float correction = AdamParameter.correction(learningRate, step);
        besideHistory(() -> {
            for (int l = 0; l < widths.length; l++) {
                weightParams[l].update(correction);
                biasParams[l].update(correction);
            }
            headWeightParam.update(correction);
            headBiasParam.update(correction);
            userParam.update(correction);
            itemParam.update(correction);
            if (cold != null) {
                cold.update(correction);
            }
        }, () -> history.update(correction));
    }

    // ---------------------------------------------------------------- reporting and tests

    MlpParameters parameters() {
        return parameters;
    }

    /**
     * Mean click cross-entropy, rating squared error and cold-start cross-entropy since the last
     * call (NaN without rows).
     */
    double[] takeLosses() {
        double[] losses = {clickRows == 0 ? Double.NaN : clickLossSum / clickRows,
                ratedRows == 0 ? Double.NaN : ratingLossSum / ratedRows, cold == null ? Double.NaN : cold.takeLoss()};
        clickLossSum = 0;
        clickRows = 0;
        ratingLossSum = 0;
        ratedRows = 0;
        return losses;
    }

    /** The gradient of one named DL4J parameter after {@link #gradients}, in DL4J's shape (row-major). */
    float[] gradientOf(String name) {
        if (name.startsWith("cold-")) {
            return cold.gradientOf(name);
        }
        return switch (name) {
            case "user-embedding_W" -> userParam.gradient.clone();
            case "item-embedding_W" -> itemParam.gradient.clone();
            case "history-embedding_W" -> history.gradient();
            case "click_W" -> headColumn(headWeightParam.gradient, clickColumn);
            case "rating_W" -> headColumn(headWeightParam.gradient, ratingColumn);
            case "click_b" -> new float[] {headBiasParam.gradient[clickColumn]};
            case "rating_b" -> new float[] {headBiasParam.gradient[ratingColumn]};
            default -> {
                int l = Integer.parseInt(name.substring("hidden-".length(), name.indexOf('_')));
                yield name.endsWith("_W") ? weightParams[l].gradient.clone() : biasParams[l].gradient.clone();
            }
        };
    }

    private float[] headColumn(float[] matrix, int head) {
        float[] column = new float[topWidth];
        for (int t = 0; t < topWidth; t++) {
            column[t] = matrix[t * heads + head];
        }
        return column;
    }
}
