package dev.m6rec.runtime.cli;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.core.config.InputChecks;
import dev.m6rec.core.config.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec config check CONFIG}: validate without running; every problem is listed with its key
 * path. Beyond the sections' values it checks what the config alone decides without loading data:
 * the files it names exist and are readable, and a CSV header holds the configured columns.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a config: every problem is reported with its key path; exit 2 when there are any.")
final class ConfigCheckCommand implements Callable<Integer> {
    @ParentCommand
    ConfigCommand parent;

    @Parameters(paramLabel = "CONFIG", description = "The YAML file to check.")
    Path configFile;

    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        RunConfig config = RunConfigs.load(configFile, options).config();
        List<ConfigProblem> problems = InputChecks.problems(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        InputChecks.warnings(config).forEach(w -> parent.parent.err().println("warning: " + w));
        List<String> parts = new ArrayList<>();
        config.components().forEach(c -> parts.add(c.path() + "=" + c.type()));
        parent.parent.out().println(configFile + ": ok (" + String.join(", ", parts) + ")");
        return ExitCodes.OK;
    }
}
