package dev.m6rec.runtime.cli;

import dev.m6rec.api.ProgressTask;
import dev.m6rec.core.output.StagedFiles;
import dev.m6rec.runtime.Recommendation;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writes one ranked list per id as TSV lines {@code id<TAB>item<TAB>score<TAB>rank}, computing
 * blocks of ids on a pool of threads (a block's lists in one call, so a model can score the block
 * as one GEMM) and writing the blocks in id order as they complete. At most
 * a few blocks per thread are held in memory, so the export streams whatever the number of ids.
 */
final class OrderedTsvExport {
    static final int BLOCK = 256;
    private final int threads;
    /** The lists of a block of ids, in order. */
    private final Function<List<String>, List<List<Recommendation>>> lists;

    OrderedTsvExport(int threads, Function<List<String>, List<List<Recommendation>>> lists) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (was " + threads + ")");
        }
        this.threads = threads;
        this.lists = lists;
    }

    /** Writes the lists of {@code ids} in order, advancing {@code progress} by each block's ids; returns the lines written. */
    long write(List<String> ids, Writer out, ProgressTask progress) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "m6rec-export-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Block>> window = new ArrayDeque<>();
            int next = 0;
            long lines = 0;
            while (next < ids.size() || !window.isEmpty()) {
                while (next < ids.size() && window.size() < 4 * threads) {
                    List<String> block = ids.subList(next, Math.min(ids.size(), next + BLOCK));
                    window.add(pool.submit(() -> render(block)));
                    next += block.size();
                }
                Block done = await(window.poll());
                out.write(done.text());
                lines += done.lines();
                progress.advance(done.ids());
            }
            out.flush();
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The TSV text of a block of ids, its number of ids and of lines (one per recommendation). */
    private record Block(String text, int ids, long lines) {
    }

    private Block render(List<String> ids) {
        StringBuilder text = new StringBuilder(ids.size() * 256);
        long lines = 0;
        List<List<Recommendation>> block = lists.apply(ids);
        for (int i = 0; i < ids.size(); i++) {
            line(text, ids.get(i), block.get(i));
            lines += block.get(i).size();
        }
        return new Block(text.toString(), ids.size(), lines);
    }

    /** Appends the TSV lines of one list. */
    static void line(StringBuilder text, String id, List<Recommendation> list) {
        for (Recommendation r : list) {
            text.append(id).append('\t').append(r.item()).append('\t').append(r.score()).append('\t')
                    .append(r.rank()).append('\n');
        }
    }

    private static Block await(Future<Block> block) {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes {@code target} through a temporary sibling that replaces it once complete; only a
     * regular file or a new path is written, and a failure leaves neither a partial file nor the temporary.
     */
    static void writeAtomically(Path target, WriterAction action) {
        StagedFiles.write(target, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            action.write(out);
            out.flush();
        });
    }

    /** Writes everything to a writer. */
    @FunctionalInterface
    interface WriterAction {
        void write(Writer out) throws IOException;
    }
}
