package dev.m6rec.plugins.dl4j.mlp;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.RatingPredictor;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.graph.GraphArtifact;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.EarlyStopping;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.InputShapes;
import dev.m6rec.plugins.dl4j.train.TrainedFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code mlp} interest model (see {@link MlpNetwork} for the architecture). Trains on the
 * training split only, with uniformly sampled negatives for the click head, Adam, and early
 * stopping on the run's validation metric (restoring the best epoch). Ranks by click
 * probability, predicted rating or a blend; predicts ratings for RMSE when its rating head was
 * trained.
 */
public final class MlpModel implements InterestModel, RatingPredictor {
    private final MlpSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /**
     * Everything scoring and saving need, published at once so readers never see a mix.
     * {@code neighbours} is null without the neighbourhood input; {@code embeddings} holds the item
     * embeddings once asked for: a served pipeline asks twice (the recall index and the recommender),
     * and one shared copy of a 100,000-item table is one allocation per reload and one set of cache
     * lines for both.
     */
    private record Fitted(MlpState state, NeighbourScores neighbours, ComputationGraphConfiguration configuration,
                          INDArray params, MlpParameters parameters, MlpScorer scorer,
                          AtomicReference<FeatureMatrix> embeddings) {
    }

    public MlpModel(MlpSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "mlp");
    }

    @Override
    public void fit(TrainingData data) {
        // The fused kernel splits each batch over intra-op-threads threads itself; its GEMMs stay on one.
        int threads = settings.training().intraOpThreads();
        Nd4jRuntime.configure(settings.engine() == Engine.FUSED ? 1 : threads);
        Interactions train = data.train();
        ModelInputs inputs = data.inputs();
        InputShapes.requireMatching(train, inputs);
        boolean ratingHead = settings.wantsRatingHead() && train.hasRatings();
        if (settings.wantsRatingHead() && !train.hasRatings()) {
            if (!settings.hasClickHead()) {
                throw new ConfigException(context.componentPath() + ".loss.rating",
                        "the data has no ratings, and loss.click is 0: there is nothing to train");
            }
            context.progress().info(context.componentPath() + ": the data has no ratings; the rating head is left out");
        }
        NeighbourScores neighbours = neighbourScores(inputs);
        MlpShape shape = new MlpShape(inputs.numUsers(), inputs.numItems(), inputs.userFeatures().columns(),
                inputs.itemFeatures().columns(), settings.hasClickHead(), ratingHead, neighbours != null,
                settings.wantsColdHead());
        long seed = context.random("network-init").nextLong();
        MlpState state = new MlpState(shape, seed, RatingScale.of(train), TrainedFlags.of(train.byUser().offsets()),
                TrainedFlags.of(train.byItem().offsets()));
        ComputationGraphConfiguration conf = MlpNetwork.configuration(settings, shape, seed);
        // The graph gets a copy: init and training write into their configuration, the artifact wants it pristine.
        ComputationGraph net = new ComputationGraph(conf.clone());
        net.init();
        if (shape.coldHead()) {
            MlpParameters.initColdHead(net, train.itemCounts(), inputs.itemFeatures());
        }
        Nd4j.getRandom().setSeed(seed);   // DL4J's dropout masks (graph engine)

        MlpExamples examples = new MlpExamples(train, shape, settings.training().negatives(), state.scale().mean(),
                settings.idDropout(), settings.history(), neighbours, state.trainedUsers(), state.trainedItems());
        int batchSize = Math.min(settings.training().batchSize(), Math.max(1, examples.size));
        MlpKernel kernel = settings.engine() == Engine.FUSED
                ? new MlpKernel(settings, shape, MlpParameters.of(settings, shape, net), train.byUser(), batchSize,
                        threads)
                : null;
        MlpBatch full = kernel == null ? new MlpBatch(batchSize, shape, settings.history()) : null;
        MlpBatch tail = kernel != null || examples.size % batchSize == 0 ? null
                : new MlpBatch(examples.size % batchSize, shape, settings.history());
        RandomGenerator rng = context.random("training-examples");
        RandomGenerator dropout = context.random("dropout");
        EarlyStopping stopping = new EarlyStopping(settings.training().patience());
        int epochs = settings.training().epochs();
        try (MlpKernel lanes = kernel;
             ProgressTask task = context.progress().begin(context.componentPath() + " (mlp) epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                examples.resample(rng);
                long started = System.nanoTime();
                double[] losses;
                // A long epoch shows its batches (batches/s, ETA) beside the epoch count.
                try (ProgressTask batches = context.progress().begin(context.componentPath() + " (mlp) epoch "
                        + (epoch + 1) + " batches", (examples.size + batchSize - 1) / batchSize)) {
                    losses = kernel != null
                            ? fusedEpoch(kernel, examples, batchSize, inputs, dropout, net, batches)
                            : graphEpoch(net, examples, batchSize, full, tail, inputs, shape, batches);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                checkLosses(epoch, shape, losses);
                // Scoring needs a published model only to validate, or when this epoch is the one kept.
                boolean validating = data.validation().available();
                if (validating || epoch == epochs - 1) {
                    publish(state, neighbours, conf, net, net.params().dup(), inputs);
                }
                double validation = validating ? data.validation().score(this) : Double.NaN;
                task.message(progressLine(epoch, shape, losses, data.validation().metric(), validation,
                        examples.size / seconds));
                task.advance(1);
                if (stopping.record(epoch, validation, net.params())) {
                    break;
                }
            }
        }
        if (stopping.bestParams().isPresent()) {
            net.setParams(stopping.bestParams().get());
            publish(state, neighbours, conf, net, net.params().dup(), inputs);
            context.progress().info(stopping.keptLine(context.componentPath(), data.validation().metric()));
        }
    }

    /** The neighbour lists behind the kNN input, or null when it is off or the run has no similarity model. */
    private NeighbourScores neighbourScores(ModelInputs inputs) {
        // Without a similarity section (or with one built from this model's own embeddings) there is nothing to read.
        if (settings.neighbourhood() == 0 || inputs.similarity().isEmpty()) {
            return null;
        }
        return NeighbourScores.fetch(inputs.similarity().get(), inputs.numItems(), settings.neighbourhood());
    }

    /** Publishes {@code net}'s parameters for scoring; {@code params} are what saving writes (a copy while training goes on). */
    private void publish(MlpState state, NeighbourScores neighbours, ComputationGraphConfiguration conf,
                         ComputationGraph net, INDArray params, ModelInputs inputs) {
        MlpParameters parameters = MlpParameters.of(settings, state.shape(), net);
        MlpForward forward = new MlpForward(settings, state.shape(), parameters, inputs.itemFeatures(),
                state.trainedItems());
        MlpScorer scorer = new MlpScorer(forward, neighbours, state.shape(), parameters, state.trainedUsers(),
                state.scale(), settings.rankBy(), settings.blendWeight());
        this.fitted.set(new Fitted(state, neighbours, conf, params, parameters, scorer,
                new AtomicReference<>()));
    }

    /**
     * One epoch of the fused kernel; returns the mean click cross-entropy, rating squared error and
     * cold-start cross-entropy.
     */
    private static double[] fusedEpoch(MlpKernel kernel, MlpExamples examples, int batchSize, ModelInputs inputs,
                                       RandomGenerator dropout, ComputationGraph net, ProgressTask batches) {
        for (int start = 0; start < examples.size; start += batchSize) {
            int rows = Math.min(batchSize, examples.size - start);
            kernel.step(examples, start, rows, inputs.userFeatures(), inputs.itemFeatures(), dropout);
            batches.advance(1);
        }
        kernel.parameters().writeTo(net);
        return kernel.takeLosses();
    }

    /** One epoch of DL4J's own fit loop (the reference the fused kernel is checked against). */
    private double[] graphEpoch(ComputationGraph net, MlpExamples examples, int batchSize, MlpBatch full,
                                MlpBatch tail, ModelInputs inputs, MlpShape shape, ProgressTask progress) {
        double clickLoss = 0;
        double ratingLoss = 0;
        double coldLoss = 0;
        double coldWeight = 0;
        int batches = 0;
        // DL4J averages a masked loss over the whole batch; rescale to a mean over the rows it covers.
        double positiveShare = shape.clickHead() ? 1.0 / (1 + settings.training().negatives()) : 1.0;
        for (int start = 0; start < examples.size; start += batchSize) {
            MlpBatch batch = examples.size - start >= batchSize ? full : tail;
            batch.fill(examples, start, inputs.userFeatures(), inputs.itemFeatures());
            net.fit(batch.inputs(), batch.labels(), null, batch.labelMasks());
            if (shape.clickHead()) {
                clickLoss += net.getLayer(MlpNetwork.CLICK).score() / settings.loss().click();
            }
            if (shape.ratingHead()) {
                ratingLoss += net.getLayer(MlpNetwork.RATING).score() / settings.loss().rating() / positiveShare;
            }
            if (shape.coldHead()) {
                // The head's loss is summed over its rows' history interactions: report it per interaction.
                coldLoss += net.getLayer(MlpNetwork.COLD).score() * batch.rows();
                for (int r = start; r < start + batch.rows(); r++) {
                    coldWeight += examples.coldWeight[r];
                }
            }
            batches++;
            progress.advance(1);
        }
        double perInteraction = coldWeight > 0 ? coldLoss / coldWeight : Double.NaN;
        return new double[] {clickLoss / batches, ratingLoss / batches, perInteraction};
    }

    /** The losses of the heads this shape trains (the others are NaN by design). */
    private void checkLosses(int epoch, MlpShape shape, double[] losses) {
        String path = context.componentPath();
        if (shape.clickHead()) {
            DivergenceCheck.check(path, "mlp", epoch + 1, "click loss", losses[0]);
        }
        if (shape.ratingHead()) {
            DivergenceCheck.check(path, "mlp", epoch + 1, "rating mse", losses[1]);
        }
        if (shape.coldHead()) {
            DivergenceCheck.check(path, "mlp", epoch + 1, "cold loss", losses[2]);
        }
    }

    private String progressLine(int epoch, MlpShape shape, double[] losses, String metric, double validation,
                                double rowsPerSecond) {
        List<String> parts = new ArrayList<>();
        if (shape.clickHead()) {
            parts.add(String.format(Locale.ROOT, "click loss %.4f", losses[0]));
        }
        if (shape.ratingHead()) {
            parts.add(String.format(Locale.ROOT, "rating mse %.4f", losses[1]));
        }
        if (shape.coldHead()) {
            parts.add(String.format(Locale.ROOT, "cold loss %.4f", losses[2]));
        }
        if (!Double.isNaN(validation)) {
            parts.add(String.format(Locale.ROOT, "%s %.4f", metric, validation));
        }
        parts.add(String.format(Locale.ROOT, "%,.0f samples/s", rowsPerSecond));
        return "epoch " + (epoch + 1) + ": " + String.join(", ", parts);
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        fitted.get().scorer().score(user, items, out);
    }

    @Override
    public boolean predictsRatings() {
        return fitted.isSet() && fitted.get().state().shape().ratingHead();
    }

    @Override
    public void predictRatings(UserProfile user, int[] items, float[] out) {
        fitted.get().scorer().predictRatings(user, items, out);
    }

    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        Fitted f = fitted.get();
        FeatureMatrix cached = f.embeddings().get();
        if (cached != null) {
            return Optional.of(cached);
        }
        int numItems = f.state().shape().numItems();
        int width = settings.embedding();
        float[] known = java.util.Arrays.copyOf(f.parameters().itemTable, numItems * width);   // without the cold row
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            names.add("mlp-embedding-" + c);
        }
        f.embeddings().compareAndSet(null, new FeatureMatrix(numItems, names, known));
        return Optional.of(f.embeddings().get());
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted f = fitted.get();
        f.state().write(out);
        if (f.neighbours() != null) {
            f.neighbours().write(out);
        }
        GraphArtifact.save(out, f.configuration(), f.params());
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        // intra-op-threads is a training setting. A loaded model scores a request's few hundred items on the
        // caller's thread, and the host runs requests in parallel: with two OpenBLAS threads the second one
        // spun between small products and took about a quarter of a serving process's CPU (bench/serving).
        Nd4jRuntime.configure(1);
        MlpState state = MlpState.read(in, inputs);
        NeighbourScores neighbours = state.shape().neighbourhood() ? NeighbourScores.read(in, inputs.numItems()) : null;
        ComputationGraphConfiguration conf = MlpNetwork.configuration(settings, state.shape(), state.seed());
        ComputationGraph net = GraphArtifact.loadGraph(in, conf);
        publish(state, neighbours, conf, net, net.params(), inputs);   // nothing trains a loaded graph on
    }
}
