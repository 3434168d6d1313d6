package dev.m6rec.core.split;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.api.dataset.DatasetSplitterFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code split: { type: presplit, train: ml-100k/u1.base, test: ml-100k/u1.test }}: the parts are
 * given as files listing {@code user<sep>item[<sep>rating[<sep>timestamp]]} rows, matched to the
 * loaded dataset's rows (see {@link PresplitSplitter}). Paths are relative to the config file.
 */
public final class PresplitSplitterFactory implements DatasetSplitterFactory {
    @Override
    public String name() {
        return "presplit";
    }

    @Override
    public String description() {
        return "train/valid/test given as files whose rows are matched to the dataset's by user, item and time";
    }

    @Override
    public ConfigSchema schema() {
        return ConfigSchema.builder()
                .stringParam("test", null, "the file listing the test interactions").required()
                .stringParam("valid", null, "the file listing the validation interactions (default: none)")
                .stringParam("train", null, "the file listing the training interactions (default: every row not "
                        + "in valid or test; when given, rows in no file are left out)")
                .stringParam("match", "user-item-time", "how file rows find dataset rows: by user id, item id and "
                        + "timestamp (4th field, epoch seconds), or by user id and item id")
                .oneOf("user-item-time", "user-item")
                .stringParam("delimiter", "auto", "between fields: auto (tab, ::, comma or semicolon, as found), tab, "
                        + "comma, or the literal text")
                .booleanParam("header", false, "whether each file's first line is a header to skip")
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        if (config.getString("delimiter").isEmpty()) {
            return List.of(new ConfigProblem("delimiter",
                    "must not be blank; name it: tab, space, comma, semicolon or auto"));
        }
        return List.of();
    }

    @Override
    public DatasetSplitter create(ComponentConfig config, PluginContext context) {
        Path[] files = new Path[3];
        String[] keys = {"train", "valid", "test"};
        for (int p = 0; p < 3; p++) {
            if (config.isSet(keys[p])) {
                files[p] = context.resolve(config.getString(keys[p]));
            }
        }
        boolean withTime = config.getString("match").equals("user-item-time");
        PartFileReader reader = new PartFileReader(delimiter(config.getString("delimiter")), config.getBoolean("header"),
                withTime);
        return new PresplitSplitter(config.path(), files, reader, withTime, context.progress());
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
