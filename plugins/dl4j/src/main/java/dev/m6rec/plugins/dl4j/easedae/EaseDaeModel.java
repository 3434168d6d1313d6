package dev.m6rec.plugins.dl4j.easedae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.graph.GraphArtifact;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.EarlyStopping;
import dev.m6rec.plugins.dl4j.train.InputShapes;
import dev.m6rec.plugins.dl4j.train.Shuffle;
import dev.m6rec.plugins.dl4j.vae.MultiHot;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code ease-dae} interest model: a linear item-item path, EASE's closed form on all training
 * users, plus a denoising autoencoder ({@link EaseDaeNetwork}) that learns what the linear path
 * misses. The autoencoder is trained on each user's out-of-fold residual: users fall into
 * {@code folds} seeded folds, and a user's linear scores in training come from the weights fitted
 * without its fold. Residuals against weights fitted on the same users are too small (EASE has
 * seen them), and an autoencoder trained on them learns to undo the linear path. The loss is EASE's
 * own squared error; a softmax likelihood over the sum, tried first, moved the ranking away from
 * EASE's and lost on validation. Training is DL4J's own {@code ComputationGraph.fit} (a one-layer
 * autoencoder over a few thousand items takes well under a second an epoch), with early stopping
 * on the run's validation metric restoring the best epoch.
 *
 * <p>It keeps nothing per user, so it scores whatever history a profile carries, including events
 * recorded after training and users it never saw ({@link EaseDaeScorer}); the user index is ignored.
 */
public final class EaseDaeModel implements InterestModel {
    private final EaseDaeSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /** Everything scoring and saving need, published at once so readers never see a mix. */
    private record Fitted(EaseDaeState state, ComputationGraphConfiguration configuration, INDArray params,
                          EaseDaeScorer scorer) {
    }

    public EaseDaeModel(EaseDaeSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "ease-dae");
    }

    @Override
    public void fit(TrainingData data) {
        Nd4jRuntime.configure(settings.intraOpThreads());
        InputShapes.requireMatching(data.train(), data.inputs());
        String path = context.componentPath();
        int numItems = data.inputs().numItems();
        if (numItems > settings.maxItems()) {
            throw new ConfigException(path + ".max-items", String.format(Locale.ROOT,
                    "the training data has %d items, more than %d; ease-dae holds folds + 1 dense item x item"
                            + " matrices (%,d MB here): raise max-items only with the heap for it",
                    numItems, settings.maxItems(), 4L * (settings.folds() + 1) * numItems * numItems >> 20));
        }
        MultiHot histories = MultiHot.of(data.train().byUser(), numItems);
        int[] users = histories.nonEmptyRows();
        if (users.length < settings.folds()) {
            throw new DataException(path + " (ease-dae): the training split has " + users.length
                    + " users with interactions, fewer than folds (" + settings.folds() + ")");
        }
        int[] fold = new int[histories.rows()];
        RandomGenerator folds = context.random("folds");
        for (int user : users) {
            fold[user] = folds.nextInt(settings.folds());
        }
        float[] linear;
        float[][] foldLinear = new float[settings.folds()][];
        try (ProgressTask task = context.progress().begin(path + " (ease-dae) item weights", settings.folds() + 1)) {
            double[] gram = ItemRegression.gram(histories, numItems, null);
            linear = weights(gram, numItems);
            task.advance(1);
            for (int k = 0; k < settings.folds(); k++) {
                boolean[] inFold = new boolean[histories.rows()];
                for (int user : users) {
                    inFold[user] = fold[user] == k;
                }
                double[] without = ItemRegression.gram(histories, numItems, inFold);
                for (int i = 0; i < without.length; i++) {
                    without[i] = gram[i] - without[i];
                }
                foldLinear[k] = weights(without, numItems);
                task.advance(1);
            }
        }

        long seed = context.random("network-init").nextLong();
        EaseDaeState state = new EaseDaeState(numItems, seed, linear);
        ComputationGraphConfiguration conf = EaseDaeNetwork.configuration(settings, numItems, seed);
        // The graph gets a copy: init and training write into their configuration, the artifact wants it pristine.
        ComputationGraph net = new ComputationGraph(conf.clone());
        net.init();
        Nd4j.getRandom().setSeed(seed);   // DL4J's dropout masks
        RandomGenerator order = context.random("training-users");
        EarlyStopping stopping = new EarlyStopping(settings.earlyStopping().patience());
        int batchSize = Math.min(settings.batchSize(), users.length);
        int epochs = settings.epochs();
        try (ProgressTask task = context.progress().begin(path + " (ease-dae) epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                Shuffle.inPlace(users, order);
                long started = System.nanoTime();
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < users.length; start += batchSize) {
                    int rows = Math.min(batchSize, users.length - start);
                    INDArray[] batch = batch(histories, users, start, rows, fold, foldLinear, numItems);
                    net.fit(new INDArray[] {batch[0]}, new INDArray[] {batch[1]});
                    lossSum += net.score();
                    batches++;
                }
                double loss = lossSum / batches;
                DivergenceCheck.check(path, "ease-dae", epoch + 1, "loss", loss);
                double seconds = (System.nanoTime() - started) / 1e9;
                boolean validating = data.validation().available();
                if (validating || epoch == epochs - 1) {
                    publish(state, conf, net);
                }
                double validation = validating ? data.validation().score(this) : Double.NaN;
                // DL4J's score: the squared error plus its weight-decay term, which dominates at first.
                String line = String.format(Locale.ROOT, "epoch %d: loss %.4f", epoch + 1, loss);
                if (!Double.isNaN(validation)) {
                    line += String.format(Locale.ROOT, ", %s %.4f", data.validation().metric(), validation);
                }
                task.message(line + String.format(Locale.ROOT, ", %,.0f users/s", users.length / seconds));
                task.advance(1);
                if (stopping.record(epoch, validation, net.params())) {
                    break;
                }
            }
        }
        if (stopping.bestParams().isPresent()) {
            net.setParams(stopping.bestParams().get());
            publish(state, conf, net);
            context.progress().info(stopping.keptLine(path, data.validation().metric()));
        }
    }

    private float[] weights(double[] gram, int numItems) {
        try {
            return ItemRegression.weights(gram, numItems, settings.lambda());
        } catch (ArithmeticException e) {
            throw new ConfigException(context.componentPath() + ".lambda", String.format(Locale.ROOT,
                    "too small to make the item Gram matrix invertible (was %s; %s); raise it", settings.lambda(),
                    e.getMessage()));
        }
    }

    /**
     * A batch's dense multi-hot input and its labels, the residual {@code x - x B} under the
     * weights fitted without each user's fold. Made again each epoch rather than kept: the labels
     * of every user are a dense users x items table (4 GB at 100k users and 10k items), and one
     * user's costs only its history's rows of B.
     */
    static INDArray[] batch(MultiHot histories, int[] users, int from, int rows, int[] fold, float[][] foldLinear,
                            int numItems) {
        float[] input = new float[rows * numItems];
        float[] residual = new float[rows * numItems];
        for (int r = 0; r < rows; r++) {
            int user = users[from + r];
            int base = r * numItems;
            ItemRegression.scores(foldLinear[fold[user]], numItems, histories.items, histories.offsets[user],
                    histories.offsets[user + 1], residual, base);
            for (int k = histories.offsets[user]; k < histories.offsets[user + 1]; k++) {
                input[base + histories.items[k]] = 1f;
            }
            for (int i = base; i < base + numItems; i++) {
                residual[i] = input[i] - residual[i];
            }
        }
        long[] shape = {rows, numItems};
        return new INDArray[] {Nd4j.create(input, shape, 'c'), Nd4j.create(residual, shape, 'c')};
    }

    private void publish(EaseDaeState state, ComputationGraphConfiguration conf, ComputationGraph net) {
        EaseDaeScorer scorer = new EaseDaeScorer(state.linear(), net, state.numItems());
        fitted.set(new Fitted(state, conf, net.params().dup(), scorer));
    }

    /** A DL4J graph holding the fitted autoencoder's parameters (tests check the scorer against its output). */
    ComputationGraph network() {
        Fitted f = fitted.get();
        ComputationGraph net = new ComputationGraph(f.configuration().clone());
        net.init();
        net.setParams(f.params());
        return net;
    }

    /** The fitted linear path, row-major {@code [items][items]}. */
    float[] linearWeights() {
        return fitted.get().state().linear();
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        fitted.get().scorer().score(user.history(), items, out);
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        fitted.get().scorer().scoreAll(user.history(), out);
    }

    @Override
    public void save(ArtifactWriter out) {
        Fitted f = fitted.get();
        f.state().write(out);
        GraphArtifact.save(out, f.configuration(), f.params());
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        Nd4jRuntime.configure(settings.intraOpThreads());
        EaseDaeState state = EaseDaeState.read(in, inputs);
        ComputationGraphConfiguration conf = EaseDaeNetwork.configuration(settings, state.numItems(), state.seed());
        publish(state, conf, GraphArtifact.loadGraph(in, conf));
    }
}
