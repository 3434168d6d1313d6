package dev.m6rec.api;

/**
 * One running task of a {@link ProgressReporter}; close it when the work ends. Parallel stages
 * (evaluation, similarity, EASE's Gram rows) advance one task from several threads at once, so an
 * implementation must be thread-safe.
 */
public interface ProgressTask extends AutoCloseable {

    /** Records that {@code units} more units are done. */
    void advance(long units);

    /** Replaces the task's status line, e.g. {@code "epoch 3: loss 0.41"}. */
    void message(String message);

    @Override
    void close();
}
