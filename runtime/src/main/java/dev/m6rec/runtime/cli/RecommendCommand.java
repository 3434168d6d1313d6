package dev.m6rec.runtime.cli;

import dev.m6rec.runtime.M6Rec;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec recommend --artifact DIR --user U -k K} prints one user's list;
 * {@code --all-users --output recs.tsv} exports every trained user's top-K, in user order, using
 * every core and scoring blocks of users at once ({@link M6Rec#recommendAll}). Lines are {@code user<TAB>item<TAB>score<TAB>rank} with external ids, after a line naming
 * the columns with {@code --header}.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"Print one user's top-K, or export every user's top-K, from a trained artifact.",
                "TSV lines: user<TAB>item<TAB>score<TAB>rank (external ids, rank from 1; a header line with --header)."})
final class RecommendCommand implements Callable<Integer> {
    /** The header line of the TSV. */
    static final String COLUMNS = "user\titem\tscore\trank";

    @ParentCommand
    M6RecCommand parent;

    @Mixin
    ArtifactOptions artifact;

    @Mixin
    ListExportOptions list;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    /** One user or all of them. */
    static final class Who {
        @Option(names = "--user", paramLabel = "U", description = "The user whose list to print.")
        String user;

        @Option(names = "--all-users", description = "Every user the artifact was trained on.")
        boolean allUsers;
    }

    @Override
    public Integer call() {
        int k = list.k();
        list.checkOutput();
        try (M6Rec rec = artifact.load()) {
            // Each list is computed once: caching would only fill memory.
            rec.setCacheLimit(0);
            if (who.user != null) {
                ListExport.one(who.user, rec.recommend(who.user, k, null), COLUMNS, list, parent.out());
            } else {
                ListExport.all("recommend", "users", rec.users(),
                        users -> rec.recommendAll(users, k), COLUMNS, list, parent);
            }
            return ExitCodes.OK;
        }
    }
}
