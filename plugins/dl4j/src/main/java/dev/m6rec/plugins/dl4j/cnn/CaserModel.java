package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.graph.GraphArtifact;
import dev.m6rec.plugins.dl4j.graph.GraphReplicas;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.EarlyStopping;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.InputShapes;
import dev.m6rec.plugins.dl4j.train.TrainedFlags;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code cnn} interest model (see {@link CaserNetwork}). Trains on next-item
 * prediction over the training split only (each training interaction is a target, the items
 * before it the input), with sampled negatives, Adam and early stopping on the run's validation
 * metric. Scores from the profile's history, so events recorded after training count at once.
 * With {@code text.field} set, the words of that item attribute (read from the dataset at fit,
 * stored in the artifact) feed a text-CNN whose vector is added to each item's embedding; items
 * without training interactions are then scored, and embedded, by their words. Training runs the
 * fused {@link CaserKernel} ({@code engine: fused}, the default) or DL4J's own
 * {@code ComputationGraph.fit} ({@code engine: graph}, the reference); either way the parameters
 * live in the DL4J graph between epochs, so scoring and persistence are the same.
 */
public final class CaserModel implements InterestModel {
    private final CaserSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /** {@code tokens} is null when the text encoder is off. */
    private record Fitted(CaserState state, ItemTokens tokens, ComputationGraphConfiguration configuration,
                          CaserScorer scorer) {
    }

    public CaserModel(CaserSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "cnn");
    }

    @Override
    public void fit(TrainingData data) {
        Nd4jRuntime.configure(settings.training().intraOpThreads());
        Interactions train = data.train();
        ModelInputs inputs = data.inputs();
        InputShapes.requireMatching(train, inputs);
        CaserShape shape = new CaserShape(inputs.numUsers(), inputs.numItems());
        long seed = context.random("network-init").nextLong();
        CaserState state = new CaserState(shape, seed, TrainedFlags.of(train.byUser().offsets()),
                TrainedFlags.of(train.byItem().offsets()));
        ItemTokens tokens = settings.text().enabled() ? itemTokens(data, shape) : null;
        ComputationGraphConfiguration conf = CaserNetwork.configuration(settings, shape,
                tokens == null ? 0 : tokens.vocabularySize(), seed);
        // The graph gets a copy: init and training write into their configuration, the artifact wants it pristine.
        ComputationGraph net = new ComputationGraph(conf.clone());
        net.init();
        Nd4j.getRandom().setSeed(seed);   // dropout masks (graph engine)
        CaserExamples examples = new CaserExamples(train, shape, settings.length(), settings.training().negatives(),
                settings.idDropout(), state.trainedItems());
        int batchSize = Math.min(settings.training().batchSize(), Math.max(1, examples.size));
        CaserKernel kernel = settings.engine() == Engine.FUSED
                ? new CaserKernel(settings, CaserParameters.of(net), tokens, batchSize) : null;
        CaserBatch full = kernel == null ? new CaserBatch(batchSize, settings.length(), tokens) : null;
        CaserBatch tail = kernel != null || examples.size % batchSize == 0 ? null
                : new CaserBatch(examples.size % batchSize, settings.length(), tokens);
        RandomGenerator rng = context.random("training-examples");
        RandomGenerator dropout = kernel == null ? null : context.random("dropout");
        EarlyStopping stopping = new EarlyStopping(settings.training().patience());
        int epochs = settings.training().epochs();
        try (ProgressTask task = context.progress().begin(context.componentPath() + " (cnn) epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                examples.resample(rng);
                long started = System.nanoTime();
                double loss = kernel != null ? fusedEpoch(kernel, examples, batchSize, dropout, net)
                        : graphEpoch(net, examples, batchSize, full, tail);
                double seconds = (System.nanoTime() - started) / 1e9;
                DivergenceCheck.check(context.componentPath(), "cnn", epoch + 1, "next-item loss", loss);
                // Scoring needs a published model only to validate, or when this epoch is the one kept.
                boolean validating = data.validation().available();
                if (validating || epoch == epochs - 1) {
                    publish(state, tokens, conf, net.params());
                }
                double validation = validating ? data.validation().score(this) : Double.NaN;
                String line = String.format(Locale.ROOT, "epoch %d: next-item loss %.4f", epoch + 1, loss);
                if (!Double.isNaN(validation)) {
                    line += String.format(Locale.ROOT, ", %s %.4f", data.validation().metric(), validation);
                }
                task.message(line + String.format(Locale.ROOT, ", %,.0f samples/s", examples.size / seconds));
                task.advance(1);
                if (stopping.record(epoch, validation, net.params())) {
                    break;
                }
            }
        }
        if (stopping.bestParams().isPresent()) {
            publish(state, tokens, conf, stopping.bestParams().get());
            context.progress().info(stopping.keptLine(context.componentPath(), data.validation().metric()));
        }
    }

    /** One epoch of the fused kernel, its parameters then written into {@code net}; returns the mean loss. */
    private static double fusedEpoch(CaserKernel kernel, CaserExamples examples, int batchSize, RandomGenerator dropout,
                                     ComputationGraph net) {
        for (int start = 0; start < examples.size; start += batchSize) {
            kernel.step(examples, start, Math.min(batchSize, examples.size - start), dropout);
        }
        kernel.parameters().writeTo(net);
        return kernel.takeLoss();
    }

    /** One epoch of DL4J's own fit loop (the reference the fused kernel is checked against); returns the mean loss. */
    private static double graphEpoch(ComputationGraph net, CaserExamples examples, int batchSize, CaserBatch full,
                                     CaserBatch tail) {
        double loss = 0;
        int batches = 0;
        for (int start = 0; start < examples.size; start += batchSize) {
            CaserBatch batch = examples.size - start >= batchSize ? full : tail;
            batch.fill(examples, start);
            net.fit(batch.inputs(), batch.labels());
            loss += net.score();
            batches++;
        }
        return loss / batches;
    }

    /** The items' words of {@code text.field}, with a config error naming that key when the attribute is unusable. */
    private ItemTokens itemTokens(TrainingData data, CaserShape shape) {
        AttributeTable items = data.split().dataset().attributes(EntityKind.ITEM);
        if (items.rows() != shape.numItems()) {
            throw new IllegalArgumentException("the item attributes have " + items.rows() + " rows, the inputs "
                    + shape.numItems() + " items");
        }
        ItemTokens tokens = ItemTokens.build(items, settings.text(), context.componentPath() + ".text.field");
        context.progress().info(String.format(Locale.ROOT, "%s: text encoder over '%s', %,d words in the vocabulary",
                context.componentPath(), settings.text().field(), tokens.words().size()));
        return tokens;
    }

    private void publish(CaserState state, ItemTokens tokens, ComputationGraphConfiguration conf, INDArray params) {
        CaserScorer scorer = new CaserScorer(new GraphReplicas(conf, params), state.shape(), settings,
                state.trainedUsers(), state.trainedItems(), tokens);
        this.fitted.set(new Fitted(state, tokens, conf, scorer));
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        fitted.get().scorer().score(user, items, out);
    }

    /**
     * Each item's target vector (its id embedding, or the padding row's when it had no training
     * interactions, plus its text vector when the encoder is on): the space the model scores items in.
     */
    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        return Optional.of(fitted.get().scorer().itemEmbeddings());
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted f = fitted.get();
        f.state().write(out);
        if (f.tokens() != null) {
            f.tokens().write(out);
        }
        GraphArtifact.save(out, f.configuration(), f.scorer().replicas().params());
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        Nd4jRuntime.configure(settings.training().intraOpThreads());
        CaserState state = CaserState.read(in, inputs);
        ItemTokens tokens = settings.text().enabled() ? ItemTokens.read(in, settings.text(), inputs.numItems()) : null;
        ComputationGraphConfiguration conf = CaserNetwork.configuration(settings, state.shape(),
                tokens == null ? 0 : tokens.vocabularySize(), state.seed());
        publish(state, tokens, conf, GraphArtifact.loadParams(in, conf));
    }
}
