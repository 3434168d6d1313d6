package dev.m6rec.runtime.cli;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.runtime.Recommendation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code recommend} and {@code similar} share: one list printed as TSV, or the lists of many
 * ids exported in parallel, in id order, to a file (atomically) or standard output.
 */
final class ListExport {
    private ListExport() {
    }

    /**
     * Prints one id's list (the lookup runs first, so an unknown id fails before anything is
     * written), after {@code columns} (tab-separated names) when {@code --header} is given.
     */
    static void one(String id, List<Recommendation> list, String columns, ListExportOptions options, PrintStream stdout) {
        StringBuilder text = new StringBuilder();
        if (options.header) {
            text.append(columns).append('\n');
        }
        OrderedTsvExport.line(text, id, list);
        if (options.output == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            OrderedTsvExport.writeAtomically(options.output, out -> out.write(text.toString()));
        }
    }

    /**
     * Exports the lists of every id and reports it on standard error as
     * {@code m6rec VERB: N lines for M NOUN[ to FILE] in S.Ss}.
     */
    static void all(String verb, String noun, List<String> ids,
                    Function<List<String>, List<List<Recommendation>>> lists, String columns,
                    ListExportOptions options, M6RecCommand parent) {
        long started = System.nanoTime();
        // On a terminal the export's progress (ids/s, ETA) is redrawn on standard error and erased
        // before the summary line; a log gets the summary alone.
        ProgressTask progress = ConsoleProgress.isTerminal()
                ? new ConsoleProgress(parent.err()).begin(verb + " " + noun, ids.size())
                : ProgressReporter.silent().begin(verb, ids.size());
        long lines;
        try {
            lines = write(ids, lists, options.header ? columns + "\n" : "", options, parent.out(), progress);
        } finally {
            if (progress instanceof ConsoleProgress.Task task) {
                task.closeQuietly();
            } else {
                progress.close();
            }
        }
        parent.err().printf("m6rec %s: %d lines for %d %s%s in %.1fs%n", verb, lines, ids.size(), noun,
                options.output == null ? "" : " to " + options.output, (System.nanoTime() - started) / 1e9);
    }

    /** A block of ids' lists computed one id at a time, for lists that have no block form. */
    static Function<List<String>, List<List<Recommendation>>> oneByOne(Function<String, List<Recommendation>> list) {
        return ids -> ids.stream().map(list).toList();
    }

    /** Writes {@code header}, then the lists of every id; returns the number of list lines. */
    private static long write(List<String> ids, Function<List<String>, List<List<Recommendation>>> lists,
                              String header, ListExportOptions options, PrintStream stdout, ProgressTask progress) {
        OrderedTsvExport export = new OrderedTsvExport(options.threads(), lists);
        long[] lines = new long[1];
        if (options.output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
            try {
                out.write(header);
                lines[0] = export.write(ids, out, progress);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            OrderedTsvExport.writeAtomically(options.output, out -> {
                out.write(header);
                lines[0] = export.write(ids, out, progress);
            });
        }
        return lines[0];
    }
}
