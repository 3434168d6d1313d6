package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.nio.file.Path;

/**
 * {@code split: { type: presplit, train: ml-100k/u1.base, test: ml-100k/u1.test }}: the parts are
 * given as files listing {@code user<sep>item[<sep>rating[<sep>timestamp]]} rows, matched to the
 * loaded dataset's rows (see {@link PresplitSplitter}). Paths are relative to the config file.
 */
public final class PresplitSplitterFactory implements DatasetSplitterFactory<PresplitSplitterFactory.Settings> {

    /** How file rows find dataset rows. */
    public enum Match {
        USER_ITEM_TIME,
        USER_ITEM
    }

    /** The parameters of {@code presplit}. */
    public record Settings(
            @Param(value = "the file listing the test interactions", required = true) Path test,
            @Param("the file listing the validation interactions (default: none)") Path valid,
            @Param("the file listing the training interactions (default: every row not in valid or test; when "
                    + "given, rows in no file are left out)") Path train,
            @Param(value = "how file rows find dataset rows: by user id, item id and timestamp (4th field, epoch "
                    + "seconds), or by user id and item id", def = "user-item-time") Match match,
            @Param(value = "between fields: auto (tab, ::, comma or semicolon, as found), tab, comma, or the literal "
                    + "text", def = "auto") String delimiter,
            @Param(value = "whether each file's first line is a header to skip", def = "false") boolean header) {
    }
    @Override
    public String name() {
        return "presplit";
    }

    @Override
    public String description() {
        return "train/valid/test given as files whose rows are matched to the dataset's by user, item and time";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        if (settings.delimiter().isEmpty()) {
            problems.add("delimiter", "must not be blank; name it: tab, space, comma, semicolon or auto");
        }
    }

    @Override
    public DatasetSplitter create(Settings settings, PluginContext context) {
        Path[] files = {settings.train(), settings.valid(), settings.test()};
        boolean withTime = settings.match() == Match.USER_ITEM_TIME;
        PartFileReader reader = new PartFileReader(delimiter(settings.delimiter()), settings.header(), withTime);
        return new PresplitSplitter(context.componentPath(), files, reader, withTime, context.progress());
    }

    /** The separator text, or null to detect it. */
    private static String delimiter(String given) {
        return switch (given) {
            case "auto" -> null;
            case "tab", "\\t" -> "\t";
            case "comma" -> ",";
            case "semicolon" -> ";";
            case "space" -> " ";
            default -> given;
        };
    }
}
