package dev.m6rec.runtime;

import dev.m6rec.core.config.RunConfig;
import dev.m6rec.core.pipeline.FittedPipeline;
import dev.m6rec.core.pipeline.Recommender;
import dev.m6rec.core.run.RunResult;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded pipeline as served: requests acquire it and release it when done; once it is
 * replaced by a reload and its last request has finished, it is closed. A request never sees a
 * pipeline closed under it.
 */
final class ServingState {
    private final FittedPipeline pipeline;
    private final Recommender recommender;
    private final RunConfig config;
    private final String version;
    private final AtomicInteger users = new AtomicInteger(1); // 1 = held by the facade itself
    private volatile boolean closed;
    private final Optional<RunResult> trainedBy;
    private final LiveHistories live;
    private final long absorbedEvents;

    /**
     * @param trainedBy the run that trained {@code pipeline} in this process, empty for a loaded one
     * @param live      the events recorded on top of it (with an event log: those after what it absorbed)
     * @param absorbedEvents the event log position its training absorbed (0: none)
     */
    ServingState(FittedPipeline pipeline, RunConfig config, String version, Optional<RunResult> trainedBy,
                 LiveHistories live, long absorbedEvents) {
        this.trainedBy = trainedBy;
        this.live = live;
        this.absorbedEvents = absorbedEvents;
        this.pipeline = pipeline;
        this.recommender = new Recommender(withMemoizedSimilarity(pipeline), config.recommend());
        this.config = config;
        this.version = version;
    }

    /** The pipeline as the serving path sees it: the same components, pair similarities memoized. */
    private static FittedPipeline withMemoizedSimilarity(FittedPipeline p) {
        if (p.similarity().isEmpty() || !MemoizedSimilarity.fits(p.items().size())) {
            return p;
        }
        return p.withSimilarity(Optional.of(new MemoizedSimilarity(p.similarity().get(), p.items().size())));
    }

    Optional<RunResult> trainedBy() {
        return trainedBy;
    }

    long absorbedEvents() {
        return absorbedEvents;
    }

    LiveHistories live() {
        return live;
    }

    FittedPipeline pipeline() {
        return pipeline;
    }

    Recommender recommender() {
        return recommender;
    }

    RunConfig config() {
        return config;
    }

    String version() {
        return version;
    }

    /** Takes a reference; false when the state was already retired (the caller retries with the new one). */
    boolean acquire() {
        while (true) {
            int n = users.get();
            if (n == 0) {
                return false;
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (users.decrementAndGet() == 0 && !closed) {
            closed = true;
            pipeline.close();
        }
    }
}
