package dev.m6rec.plugins.datasets.atomic;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * {@code data: { type: atomic, path: dataset/ml-100k, name: ml-100k }}: RecBole atomic files
 * ({@code NAME.inter}, optional {@code NAME.user} and {@code NAME.item}; tab-separated with a
 * {@code name:type} header). Rating and timestamp are optional: a file without them loads as
 * implicit feedback in file order, unless their field names were given explicitly.
 */
public final class AtomicLoaderFactory implements DatasetLoaderFactory {

    @Override
    public String name() {
        return "atomic";
    }

    @Override
    public String description() {
        return "RecBole atomic files (NAME.inter, NAME.user, NAME.item) in a folder";
    }

    @Override
    public ConfigSchema schema() {
        return OnError.declare(ConfigSchema.builder()
                        .stringParam("path", null, "the folder holding the atomic files (relative to the config file)").required()
                        .stringParam("name", null, "the files' base name, NAME.inter etc. (default: the folder's name)")
                        .stringParam("user-field", "user_id", "the field holding user ids")
                        .stringParam("item-field", "item_id", "the field holding item ids")
                        .stringParam("rating-field", "rating", "the inter field holding ratings (optional unless set)")
                        .stringParam("timestamp-field", "timestamp", "the inter field holding timestamps in seconds (optional unless set)")
                        .stringParam("float-seq", "expand", "float_seq fields: expand (one numeric column per position, name[0], name[1], ...) or skip")
                        .oneOf("expand", "skip")
                        .stringListParam("text-fields", List.of(), "user/item fields to read as free text (e.g. a token_seq title)"))
                .build();
    }

    @Override
    public List<ConfigProblem> validate(ComponentConfig config) {
        if (config.getString("user-field").equals(config.getString("item-field"))) {
            return List.of(new ConfigProblem(config.path() + ".item-field",
                    "must differ from user-field (both are '" + config.getString("item-field") + "')"));
        }
        return List.of();
    }

    @Override
    public DatasetLoader create(ComponentConfig config, PluginContext context) {
        Path folder = context.resolve(config.getString("path"));
        String name = config.getString("name");
        if (name == null) {
            Path last = folder.toAbsolutePath().normalize().getFileName();
            name = last == null ? "" : last.toString();
        }
        return new AtomicLoader(new AtomicSettings(folder, name, config.getString("user-field"),
                config.getString("item-field"), config.getString("rating-field"), config.isSet("rating-field"),
                config.getString("timestamp-field"), config.isSet("timestamp-field"),
                config.getString("float-seq").equals("expand"), new HashSet<>(config.getStringList("text-fields")),
                OnError.of(config)));
    }
}
