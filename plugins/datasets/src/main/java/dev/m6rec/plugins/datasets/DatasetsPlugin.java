package dev.m6rec.plugins.datasets;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.atomic.AtomicLoaderFactory;
import dev.m6rec.plugins.datasets.csv.CsvLoaderFactory;
import dev.m6rec.plugins.datasets.movielens.MovieLensLoaderFactory;
import dev.m6rec.plugins.datasets.synthetic.SyntheticLoaderFactory;
import java.util.List;

/**
 * The dataset loaders: {@code synthetic} (generated, no files), {@code movielens} (100K, 1M and
 * the CSV layout), {@code atomic} (RecBole atomic files) and {@code csv} (any delimited file with
 * a column mapping).
 *
 * <pre>{@code
 * data: { type: movielens, path: data/ml-1m, on-error: skip }
 * }</pre>
 */
public final class DatasetsPlugin implements Plugin {

    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public List<DatasetLoaderFactory<?>> datasetLoaders() {
        return List.of(new SyntheticLoaderFactory(), new MovieLensLoaderFactory(), new AtomicLoaderFactory(),
                new CsvLoaderFactory());
    }
}
