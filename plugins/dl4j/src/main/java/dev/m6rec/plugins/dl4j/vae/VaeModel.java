package dev.m6rec.plugins.dl4j.vae;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.graph.GraphArtifact;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.EarlyStopping;
import dev.m6rec.plugins.dl4j.train.Engine;
import dev.m6rec.plugins.dl4j.train.InputShapes;
import dev.m6rec.plugins.dl4j.train.Shuffle;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code vae} interest model: Mult-VAE (Liang et al., 2018), see {@link VaeNetwork}. Trains on
 * the training split's users, each an epoch's example, with Adam, beta annealed linearly to
 * {@code anneal-cap}, and early stopping on the run's validation metric (restoring the best epoch).
 * It keeps nothing per user, so it scores whatever history a profile carries, including events
 * recorded after training and users it never saw (see {@link VaeScorer}); the user index is
 * ignored. Training runs the fused {@link VaeKernel} ({@code engine: fused}, the default) or DL4J's
 * own fit ({@code engine: graph}); either way the parameters live in the DL4J graph between
 * epochs, so scoring and persistence are the same.
 */
public final class VaeModel implements InterestModel {
    private final VaeSettings settings;
    private final PluginContext context;
    private final FittedState<Fitted> fitted;

    /** Everything scoring and saving need, published at once so readers never see a mix. */
    private record Fitted(VaeState state, ComputationGraphConfiguration configuration, INDArray params,
                          VaeScorer scorer) {
    }

    public VaeModel(VaeSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "vae");
    }

    @Override
    public void fit(TrainingData data) {
        Nd4jRuntime.configure(settings.intraOpThreads());
        Interactions train = data.train();
        ModelInputs inputs = data.inputs();
        InputShapes.requireMatching(train, inputs);
        int numItems = inputs.numItems();
        MultiHot histories = MultiHot.of(train.byUser(), numItems);
        int[] users = histories.nonEmptyRows();
        if (users.length == 0) {
            throw new DataException(context.componentPath() + " (vae): the training split has no interactions");
        }
        long seed = context.random("network-init").nextLong();
        VaeState state = new VaeState(numItems, seed);
        ComputationGraphConfiguration conf = VaeNetwork.configuration(settings, numItems, seed);
        // The graph gets a copy: init and training write into their configuration, the artifact wants it pristine.
        ComputationGraph net = new ComputationGraph(conf.clone());
        net.init();
        Nd4j.getRandom().setSeed(seed);   // DL4J's dropout masks (graph engine)

        int batchSize = Math.min(settings.batchSize(), users.length);
        VaeKernel kernel = settings.engine() == Engine.FUSED
                ? new VaeKernel(settings, VaeParameters.of(settings, numItems, net), batchSize) : null;
        VaeGraphTrainer graph = kernel == null ? new VaeGraphTrainer(settings, net, numItems) : null;
        RandomGenerator order = context.random("training-users");
        RandomGenerator noise = context.random("noise");
        RandomGenerator dropout = context.random("dropout");
        EarlyStopping stopping = new EarlyStopping(settings.earlyStopping().patience());
        int epochs = settings.epochs();
        try (ProgressTask task = context.progress().begin(context.componentPath() + " (vae) epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                Shuffle.inPlace(users, order);
                long started = System.nanoTime();
                String losses;
                if (kernel != null) {
                    float beta = kernel.beta();
                    for (int start = 0; start < users.length; start += batchSize) {
                        kernel.step(histories, users, start, Math.min(batchSize, users.length - start), noise, dropout);
                    }
                    kernel.parameters().writeTo(net);
                    double[] loss = kernel.takeLosses();
                    DivergenceCheck.check(context.componentPath(), "vae", epoch + 1, "nll", loss[0]);
                    DivergenceCheck.check(context.componentPath(), "vae", epoch + 1, "kl", loss[1]);
                    losses = String.format(Locale.ROOT, "nll %.4f, kl %.4f, beta %.3f", loss[0], loss[1], beta);
                } else {
                    float beta = graph.beta();
                    for (int start = 0; start < users.length; start += batchSize) {
                        graph.step(histories, users, start, Math.min(batchSize, users.length - start), noise);
                    }
                    double loss = graph.takeLoss();
                    DivergenceCheck.check(context.componentPath(), "vae", epoch + 1, "loss", loss);
                    losses = String.format(Locale.ROOT, "loss %.4f, beta %.3f", loss, beta);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                // Scoring needs a published model only to validate, or when this epoch is the one kept.
                boolean validating = data.validation().available();
                if (validating || epoch == epochs - 1) {
                    publish(state, conf, net);
                }
                double validation = validating ? data.validation().score(this) : Double.NaN;
                String line = "epoch " + (epoch + 1) + ": " + losses;
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
            context.progress().info(stopping.keptLine(context.componentPath(), data.validation().metric()));
        }
    }

    private void publish(VaeState state, ComputationGraphConfiguration conf, ComputationGraph net) {
        VaeScorer scorer = new VaeScorer(VaeParameters.of(settings, state.numItems(), net));
        fitted.set(new Fitted(state, conf, net.params().dup(), scorer));
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        fitted.get().scorer().score(user.history(), items, out);
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        fitted.get().scorer().scoreAll(user.history(), out);
    }

    /** Each item's vector in the item layer (its column of the decoder's last weights). */
    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        return Optional.of(fitted.get().scorer().itemEmbeddings());
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
        VaeState state = VaeState.read(in, inputs);
        ComputationGraphConfiguration conf = VaeNetwork.configuration(settings, state.numItems(), state.seed());
        publish(state, conf, GraphArtifact.loadGraph(in, conf));
    }
}
