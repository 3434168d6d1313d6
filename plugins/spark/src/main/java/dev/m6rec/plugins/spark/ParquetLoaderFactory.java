package dev.m6rec.plugins.spark;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;

/**
 * {@code data: { type: parquet, path: ratings.parquet, columns: { user: userId, item: movieId } }}:
 * interactions in Parquet, read as a Spark job by {@code m6rec run} and {@code tune} with a
 * {@code spark:} section (module {@code m6rec-spark}, which also filters and splits them there).
 * There is no single-machine Parquet reader: a run that would load on this machine (an events log
 * to merge) stops with a configuration error that says so.
 */
public final class ParquetLoaderFactory implements DatasetLoaderFactory<ParquetSettings> {

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public String description() {
        return "interactions in Parquet files, read on Spark (needs a spark: section)";
    }

    @Override
    public Class<ParquetSettings> settingsType() {
        return ParquetSettings.class;
    }

    @Override
    public void check(ParquetSettings settings, Problems problems) {
        ParquetSettings.Columns c = settings.columns();
        if (c.user().isBlank()) {
            problems.add("columns.user", "expected a column name (was empty)");
        }
        if (c.item().isBlank()) {
            problems.add("columns.item", "expected a column name (was empty)");
        }
        if (c.user().strip().equals(c.item().strip())) {
            problems.add("columns.item", "must differ from columns.user (both are '" + c.user().strip() + "')");
        }
    }

    @Override
    public DatasetLoader create(ParquetSettings settings, PluginContext context) {
        return () -> {
            throw new ConfigException(context.componentPath() + ".type", "'parquet' is read by Spark, in a run with a"
                    + " spark: section whose data Spark prepares (not with events-log)");
        };
    }
}
