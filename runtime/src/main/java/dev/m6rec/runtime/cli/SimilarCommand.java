package dev.m6rec.runtime.cli;

import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec similar --artifact DIR --item I -k K} prints the items most similar to one item;
 * {@code --all-items --output sims.tsv} exports every item's neighbours, in item order. Lines are
 * {@code item<TAB>similar item<TAB>similarity<TAB>rank}, after a line naming the columns with
 * {@code --header}. An item without neighbours (no user shares it with another item) prints no
 * line, and standard error says so.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Print the items most similar to one item, or export every item's, from a trained artifact.",
                "TSV lines: item<TAB>similar item<TAB>similarity<TAB>rank (external ids, rank from 1; a header line with --header)."})
final class SimilarCommand implements Callable<Integer> {
    /** The header line of the TSV. */
    static final String COLUMNS = "item\tsimilar_item\tsimilarity\trank";

    @ParentCommand
    M6RecCommand parent;

    @Mixin
    ArtifactOptions artifact;

    @Mixin
    ListExportOptions list;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** One item or all of them. */
    static final class Which {
        @Option(names = "--item", paramLabel = "I", description = "The item whose neighbours to print.")
        String item;

        @Option(names = "--all-items", description = "Every item of the artifact.")
        boolean allItems;
    }

    @Override
    public Integer call() {
        int k = list.k();
        list.checkOutput();
        try (M6Rec rec = artifact.load()) {
            if (which.item != null) {
                List<Recommendation> similar = rec.similarItems(which.item, k);
                ListExport.one(which.item, similar, COLUMNS, list, parent.out());
                if (similar.isEmpty()) {
                    parent.err().println("m6rec similar: item '" + which.item + "' has no similar items in this artifact"
                            + " (its similarity to every other item is 0, e.g. no training interactions)");
                }
            } else {
                ListExport.all("similar", "items", rec.items(),
                        ListExport.oneByOne(item -> rec.similarItems(item, k)), COLUMNS, list, parent);
            }
            return ExitCodes.OK;
        }
    }
}
