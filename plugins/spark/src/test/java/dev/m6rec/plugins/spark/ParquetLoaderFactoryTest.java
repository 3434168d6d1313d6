package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.Plugin;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.core.pipeline.DefaultPluginContext;
import dev.m6rec.core.testing.Sections;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The {@code parquet} loader's section: its defaults, its messages, and that it loads only on Spark. */
class ParquetLoaderFactoryTest {
    private static final ParquetLoaderFactory FACTORY = new ParquetLoaderFactory();
    private static final Map<String, Object> COLUMNS = Map.of("user", "userId", "item", "movieId");

    @Test
    void theSparkPluginDeclaresIt() {
        Plugin spark = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("spark")).findFirst().orElseThrow();

        assertThat(spark.datasetLoaders()).extracting(DatasetLoaderFactory::name).containsExactly("parquet");
        assertThat(FACTORY.schema().params()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void defaultsAndName() {
        ParquetSettings s = Sections.bind(FACTORY, "data", Map.of("path", "ratings.parquet", "columns", COLUMNS));

        assertThat(s.onError()).isEqualTo(ParquetSettings.OnError.FAIL);
        assertThat(s.columns().rating()).isNull();
        assertThat(s.columns().timestamp()).isNull();
        assertThat(s.datasetName()).isEqualTo("ratings");
    }

    @Test
    void validationMessagesNameThePath() {
        assertThat(Sections.problems(FACTORY, "data", Map.of("path", "r.parquet",
                "columns", Map.of("user", "id", "item", "id")))).containsExactly(
                "data.columns.item: must differ from columns.user (both are 'id')");
        assertThat(Sections.problems(FACTORY, "data", Map.of("path", "r.parquet",
                "columns", Map.of("user", " ", "item", "i")))).containsExactly(
                "data.columns.user: expected a column name (was empty)");
        assertThat(Sections.problems(FACTORY, "data", Map.of("columns", COLUMNS))).singleElement().asString()
                .startsWith("data.path: required");
    }

    @Test
    void onOneMachineItSaysThatSparkReadsIt() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            DatasetLoader loader = Sections.create(FACTORY, "data", Map.of("path", "r.parquet", "columns", COLUMNS),
                    new DefaultPluginContext(1, "data", executor, 1, ProgressReporter.silent(), Path.of(".")));

            assertThatThrownBy(loader::load).isInstanceOf(ConfigException.class).hasMessage("data.type: 'parquet' is"
                    + " read by Spark, in a run with a spark: section whose data Spark prepares (not with events-log)");
        } finally {
            executor.shutdown();
        }
    }
}
