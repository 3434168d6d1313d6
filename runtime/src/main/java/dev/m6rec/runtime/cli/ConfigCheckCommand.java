package dev.m6rec.runtime.cli;

import dev.m6rec.core.config.BoundComponentConfig;
import dev.m6rec.core.config.RunConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code m6rec config check CONFIG}: validate without running; every problem is listed with its key path. */
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
        List<String> parts = new ArrayList<>();
        parts.add("data=" + config.data().type());
        parts.add("split=" + config.split().type());
        config.userFeatures().forEach(f -> parts.add(f.path() + "=" + f.type()));
        config.itemFeatures().forEach(f -> parts.add(f.path() + "=" + f.type()));
        parts.add("interest=" + config.interest().type());
        config.similarity().map(BoundComponentConfig::type).ifPresent(t -> parts.add("similarity=" + t));
        config.optimizer().map(BoundComponentConfig::type).ifPresent(t -> parts.add("optimizer=" + t));
        parent.parent.out().println(configFile + ": ok (" + String.join(", ", parts) + ")");
        return ExitCodes.OK;
    }
}
