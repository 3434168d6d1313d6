package dev.m6rec.api;

/**
 * Receives progress of long work. Implementations must be thread-safe.
 *
 * <pre>{@code
 * try (ProgressTask epochs = progress.begin("mlp epochs", 20)) {
 *     epochs.message("epoch 3: loss 0.41, ndcg@10 0.12");
 *     epochs.advance(1);
 * }
 * }</pre>
 */
public interface ProgressReporter {

    /** Starts a task of {@code total} units ({@code total <= 0} when unknown). */
    ProgressTask begin(String name, long total);

    /** A one-off informational line. */
    void info(String message);

    /** A reporter that drops everything, for tests and quiet hosts. */
    static ProgressReporter silent() {
        return new ProgressReporter() {
            @Override
            public ProgressTask begin(String name, long total) {
                return new ProgressTask() {
                    @Override
                    public void advance(long units) {
                    }

                    @Override
                    public void message(String message) {
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public void info(String message) {
            }
        };
    }
}
