package dev.m6rec.runtime.cli;

import picocli.CommandLine.Command;

/** {@code m6rec config ...}: work on config files without running them. */
@Command(name = "config", mixinStandardHelpOptions = true, subcommands = {ConfigCheckCommand.class, ConfigReferenceCommand.class},
        description = "Inspect configuration files.")
final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    M6RecCommand parent;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing sub-command: check or reference");
    }
}
