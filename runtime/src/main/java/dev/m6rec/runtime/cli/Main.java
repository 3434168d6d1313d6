package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * The CLI entry point. Exit 0 on success; 2 on a user error (one message, no stack trace unless
 * {@code --verbose}); 1 on a bug, with its stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and hosts). */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        M6RecCommand root = new M6RecCommand(out, err);
        CommandLine cli = new CommandLine(root);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> e instanceof M6RecException ? ExitCodes.USER_ERROR : ExitCodes.BUG);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + MessageCap.cap(e.getMessage()));
            e.getCommandLine().usage(err);
            return ExitCodes.USER_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            if (cause instanceof M6RecException) {
                err.println("error: " + MessageCap.cap(cause.getMessage()));
                if (root.verbose) {
                    cause.printStackTrace(err);
                }
                return ExitCodes.USER_ERROR;
            }
            err.println("internal error (a bug; please report it with this trace):");
            cause.printStackTrace(err);
            return ExitCodes.BUG;
        });
        return cli.execute(args);
    }
}
