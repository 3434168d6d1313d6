package dev.m6rec.runtime.cli;

import dev.m6rec.runtime.Contribution;
import dev.m6rec.runtime.M6Rec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec explain --artifact DIR --user U --item I}: the user's history items that contributed
 * most to recommending the item, with their weights (similarity times recency and rating weight).
 * Lines are {@code item<TAB>history item<TAB>weight<TAB>rank}, like the other list verbs.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a recommendation: the user's history items that contributed most, with their weights.",
                "TSV lines: item<TAB>history item<TAB>weight<TAB>rank (external ids, rank from 1, no header)."})
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    M6RecCommand parent;

    @Mixin
    ArtifactOptions artifact;

    @Option(names = "--user", paramLabel = "U", required = true, description = "The user the item is recommended to.")
    String user;

    @Option(names = "--item", paramLabel = "I", required = true, description = "The recommended item to explain.")
    String item;

    @Override
    public Integer call() {
        try (M6Rec rec = artifact.load()) {
            List<Contribution> why = rec.explain(user, item);
            for (int r = 0; r < why.size(); r++) {
                parent.out().printf("%s\t%s\t%.6g\t%d%n", item, why.get(r).item(), why.get(r).weight(), r + 1);
            }
            if (why.isEmpty()) {
                parent.err().println("m6rec explain: no history item of user '" + user + "' is similar to '" + item + "'");
            }
            return ExitCodes.OK;
        }
    }
}
