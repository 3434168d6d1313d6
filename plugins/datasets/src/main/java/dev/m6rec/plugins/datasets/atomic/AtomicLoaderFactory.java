package dev.m6rec.plugins.datasets.atomic;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;

/**
 * {@code data: { type: atomic, path: dataset/ml-100k, name: ml-100k }}: RecBole atomic files
 * ({@code NAME.inter}, optional {@code NAME.user} and {@code NAME.item}; tab-separated with a
 * {@code name:type} header). Rating and timestamp are optional: a file without them loads as
 * implicit feedback in file order, unless other field names were given for them.
 *
 * <pre>{@code
 * data: { type: atomic, path: dataset/ml-100k, text-fields: [movie_title], float-seq: skip }
 * }</pre>
 */
public final class AtomicLoaderFactory implements DatasetLoaderFactory<AtomicSettings> {

    @Override
    public String name() {
        return "atomic";
    }

    @Override
    public String description() {
        return "RecBole atomic files (NAME.inter, NAME.user, NAME.item) in a folder";
    }

    @Override
    public Class<AtomicSettings> settingsType() {
        return AtomicSettings.class;
    }

    @Override
    public void check(AtomicSettings settings, Problems problems) {
        if (settings.userField().equals(settings.itemField())) {
            problems.add("item-field", "must differ from user-field (both are '" + settings.itemField() + "')");
        }
    }

    @Override
    public DatasetLoader create(AtomicSettings settings, PluginContext context) {
        return new AtomicLoader(settings);
    }
}
