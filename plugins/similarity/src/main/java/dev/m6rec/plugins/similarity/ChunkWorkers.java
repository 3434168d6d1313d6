package dev.m6rec.plugins.similarity;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.RangeBody;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Runs work over {@code [0, total)} with {@link PluginContext#parallelFor}, giving each chunk a
 * worker with scratch state too large to make per chunk (dense accumulators, heaps over every
 * item). A chunk borrows an idle worker, or makes one when all are busy, and hands it back when
 * done, so there are never more workers than chunks running at once. Which worker serves which
 * chunk varies from run to run: a worker's results must not depend on it.
 */
final class ChunkWorkers {
    private ChunkWorkers() {
    }

    /** Processes every index once and returns the workers that took part (at least one when {@code total > 0}). */
    static <W extends RangeBody> List<W> run(PluginContext context, int total, Supplier<W> newWorker,
                                             ProgressTask progress) {
        ConcurrentLinkedQueue<W> idle = new ConcurrentLinkedQueue<>();
        List<W> made = new ArrayList<>();
        context.parallelFor(0, total, (from, to) -> {
            W worker = idle.poll();
            if (worker == null) {
                worker = newWorker.get();
                synchronized (made) {
                    made.add(worker);
                }
            }
            worker.run(from, to);
            progress.advance(to - from);
            idle.add(worker);
        });
        synchronized (made) {
            return List.copyOf(made);
        }
    }
}
