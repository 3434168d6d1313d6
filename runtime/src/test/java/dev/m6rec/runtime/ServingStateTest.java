package dev.m6rec.runtime;

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
import dev.m6rec.core.config.RawConfig;
import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.config.RunConfigValidator;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.UserHistories;
import dev.m6rec.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A retired pipeline is closed only once its last request has finished with it. */
class ServingStateTest {
    /** Scores every item 1 and remembers whether it was closed. */
    static final class ClosableModel implements InterestModel {
        boolean closed;

        @Override
        public void fit(TrainingData data) {
        }

        @Override
        public void score(UserProfile user, int[] items, float[] out) {
            if (closed) {
                throw new IllegalStateException("scored after close");
            }
            java.util.Arrays.fill(out, 1f);
        }

        @Override
        public void save(ArtifactWriter out) {
        }

        @Override
        public void load(ArtifactReader in, ModelInputs inputs) {
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aRequestInFlightKeepsTheOldPipelineOpenUntilItFinishes() {
        ClosableModel model = new ClosableModel();
        ServingState state = new ServingState(pipeline(model), config(), "v1", Optional.empty(), new LiveHistories(), 0);

        assertThat(state.acquire()).as("a request takes the state").isTrue();
        state.release(); // the facade swaps in a new state and drops its own reference
        assertThat(model.closed).as("still in use by the request").isFalse();
        assertThat(state.recommender().recommend(state.pipeline().profile(0), 2, null).size()).isEqualTo(2);

        state.release(); // the request finishes
        assertThat(model.closed).isTrue();
        assertThat(state.acquire()).as("a retired state is never handed out again").isFalse();
    }

    @Test
    void anIdleStateIsClosedAsSoonAsItIsRetired() {
        ClosableModel model = new ClosableModel();
        ServingState state = new ServingState(pipeline(model), config(), "v1", Optional.empty(), new LiveHistories(), 0);
        state.release();
        assertThat(model.closed).isTrue();
    }

    private static FittedPipeline pipeline(InterestModel model) {
        IdIndex users = IdIndex.of(List.of("u1"));
        IdIndex items = IdIndex.of(List.of("a", "b", "c"));
        Interactions known = new Interactions(1, 3, new int[] {0}, new int[] {0}, null, null);
        FeatureMatrix noUserFeatures = FeatureMatrix.empty(1);
        return new FittedPipeline(users, items, List.of(), List.of(), noUserFeatures, FeatureMatrix.empty(3),
                Optional.empty(), model, new UserHistories(known, noUserFeatures));
    }

    private static RunConfig config() {
        PluginRegistry registry = PluginRegistry.discover(ServingStateTest.class.getClassLoader(), List.of());
        return RunConfigValidator.validate(RawConfig.fromMap(Map.of("interest", Map.of("type", "popularity"))), registry);
    }
}
