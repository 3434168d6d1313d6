package dev.m6rec.plugins.dl4j.sasrec;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.ModelInputs;
import dev.m6rec.api.interest.TrainingData;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.plugins.dl4j.Nd4jRuntime;
import dev.m6rec.plugins.dl4j.train.DivergenceCheck;
import dev.m6rec.plugins.dl4j.train.EarlyStopping;
import dev.m6rec.plugins.dl4j.train.InputShapes;
import dev.m6rec.plugins.dl4j.train.Shuffle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@code sasrec} interest model (see {@link SasRecForward} for the network). Each training
 * user is one example per epoch: its latest {@code length + 1} training items, every position
 * predicting the next item through a softmax over the whole catalogue. Adam, dropout from the
 * seeded source, early stopping on the run's validation metric (restoring the best epoch).
 *
 * <p>No DL4J graph: a causal self-attention network is not expressible in DL4J's
 * ComputationGraph, and SameDiff 1.0.0-M2.1 spent over 45 s of dependency bookkeeping without
 * finishing one batch of 128 sequences, against about 0.1 s here. The parameters live in plain
 * arrays and go to the artifact as one checksummed float file.
 */
public final class SasRecModel implements InterestModel {
    private final SasRecSettings settings;
    private final PluginContext context;
    private final FittedState<SasRecScorer> fitted;

    public SasRecModel(SasRecSettings settings, PluginContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
        this.fitted = new FittedState<>(context.componentPath(), "sasrec");
    }

    @Override
    public void fit(TrainingData data) {
        Nd4jRuntime.configure(settings.intraOpThreads());
        InputShapes.requireMatching(data.train(), data.inputs());
        SparseRows byUser = data.train().byUser();
        int[] users = Arrays.stream(byUser.nonEmptyRows()).filter(u -> byUser.length(u) >= 2).toArray();
        if (users.length == 0) {
            throw new DataException(context.componentPath() + " (sasrec): no user has two training interactions,"
                    + " so there is no next item to learn");
        }
        int length = settings.length();
        SasRecParameters parameters = SasRecParameters.initial(data.inputs().numItems(), settings.hidden(),
                settings.blocks(), length, context.random("network-init"));
        int batchSize = Math.min(settings.batchSize(), users.length);
        SasRecKernel kernel = new SasRecKernel(parameters, batchSize, settings.dropout(), settings.learningRate(),
                settings.weightDecay());
        int[] labels = new int[batchSize * length];
        RandomGenerator order = context.random("training-users");
        RandomGenerator dropout = context.random("dropout");
        EarlyStopping stopping = new EarlyStopping(settings.earlyStopping().patience());
        int epochs = settings.epochs();
        int[] items = byUser.columnIndexes();
        try (ProgressTask task = context.progress().begin(context.componentPath() + " (sasrec) epochs", epochs)) {
            for (int epoch = 0; epoch < epochs; epoch++) {
                Shuffle.inPlace(users, order);
                long started = System.nanoTime();
                for (int start = 0; start < users.length; start += batchSize) {
                    int count = Math.min(batchSize, users.length - start);
                    SasRecForward batch = kernel.batch();
                    for (int r = 0; r < count; r++) {
                        int u = users[start + r];
                        // inputs: the items before the last; labels: each input's successor
                        batch.setSequence(r, items, byUser.start(u), byUser.end(u) - 1);
                        int pad = batch.padding[r];
                        Arrays.fill(labels, r * length, r * length + pad, -1);
                        System.arraycopy(items, byUser.end(u) - (length - pad), labels, r * length + pad,
                                length - pad);
                    }
                    kernel.step(count, labels, dropout);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double loss = kernel.takeLoss();
                DivergenceCheck.check(context.componentPath(), "sasrec", epoch + 1, "loss", loss);
                boolean validating = data.validation().available();
                if (validating || epoch == epochs - 1) {
                    fitted.set(new SasRecScorer(parameters.copy()));
                }
                double validation = validating ? data.validation().score(this) : Double.NaN;
                String line = String.format(Locale.ROOT, "epoch %d: loss %.4f", epoch + 1, loss);
                if (!Double.isNaN(validation)) {
                    line += String.format(Locale.ROOT, ", %s %.4f", data.validation().metric(), validation);
                }
                task.message(line + String.format(Locale.ROOT, ", %,.0f users/s", users.length / seconds));
                task.advance(1);
                if (stopping.record(epoch, validation, Nd4j.createFromArray(parameters.flatten()))) {
                    break;
                }
            }
        }
        if (stopping.bestParams().isPresent()) {
            fitted.set(new SasRecScorer(parameters.withValues(stopping.bestParams().get().toFloatVector())));
            context.progress().info(stopping.keptLine(context.componentPath(), data.validation().metric()));
        }
    }

    @Override
    public void score(UserProfile user, int[] items, float[] out) {
        fitted.get().score(user.history(), items, out);
    }

    @Override
    public void scoreAll(UserProfile user, float[] out) {
        fitted.get().scoreAll(user.history(), out);
    }

    /** The item table, which is both the input embedding and the output layer. */
    @Override
    public Optional<FeatureMatrix> itemEmbeddings() {
        return Optional.of(fitted.get().itemEmbeddings());
    }

    @Override
    public void save(ArtifactWriter out) {
        SasRecState.write(out, fitted.get().parameters());
    }

    @Override
    public void load(ArtifactReader in, ModelInputs inputs) {
        Nd4jRuntime.configure(settings.intraOpThreads());
        fitted.set(new SasRecScorer(SasRecState.read(in, inputs, settings)));
    }
}
