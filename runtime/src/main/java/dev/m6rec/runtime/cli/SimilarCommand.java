package dev.m6rec.runtime.cli;

import dev.m6rec.runtime.M6Rec;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code m6rec similar --artifact DIR --item I -k K} prints the items most similar to one item;
 * {@code --all-items --output sims.tsv} exports every item's neighbours, in item order. Lines are
 * {@code item<TAB>similar item<TAB>similarity<TAB>rank}, no header.
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = {"Print the items most similar to one item, or export every item's, from a trained artifact.",
                "TSV lines: item<TAB>similar item<TAB>similarity<TAB>rank (external ids, rank from 1, no header)."})
final class SimilarCommand implements Callable<Integer> {
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
                ListExport.one(which.item, rec.similarItems(which.item, k), list, parent.out());
            } else {
                ListExport.all("similar", "items", rec.items(),
                        ListExport.oneByOne(item -> rec.similarItems(item, k)), list, parent);
            }
            return ExitCodes.OK;
        }
    }
}
