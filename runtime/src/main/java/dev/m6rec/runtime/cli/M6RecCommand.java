package dev.m6rec.runtime.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code m6rec} command and its verbs. */
@Command(name = "m6rec", mixinStandardHelpOptions = true, version = "m6rec 0.1.0",
        subcommands = {RunCommand.class, TuneCommand.class, ConfigCommand.class, PluginsCommand.class,
                ServeCommand.class, RecommendCommand.class, SimilarCommand.class, ExplainCommand.class,
                BatchTopKCommand.class},
        description = "M6-Rec: build, evaluate and serve recommender pipelines made of plugins.")
final class M6RecCommand implements Runnable {
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean verbose;

    M6RecCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
