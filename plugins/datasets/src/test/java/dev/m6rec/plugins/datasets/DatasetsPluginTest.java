package dev.m6rec.plugins.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetsPluginTest {

    private static Plugin plugin() {
        List<Plugin> found = ServiceLoader.load(Plugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof DatasetsPlugin).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void isFoundThroughServiceLoaderWithItsLoaders() {
        Plugin plugin = plugin();
        assertThat(plugin.name()).isEqualTo("datasets");
        assertThat(plugin.datasetLoaders()).extracting(DatasetLoaderFactory::name)
                .containsExactly("synthetic", "movielens", "atomic", "csv");
        assertThat(plugin.interestModels()).isEmpty();
        assertThat(plugin.datasetSplitters()).isEmpty();
        assertThat(plugin.datasetLoaders()).allSatisfy(f -> assertThat(f.description()).isNotBlank());
    }

    @Test
    void declaresTheseSchemaKeys() {
        var keys = plugin().datasetLoaders().stream().collect(Collectors.toMap(DatasetLoaderFactory::name,
                f -> f.schema().params().stream().map(ParamSpec::key).toList()));
        assertThat(keys.get("synthetic")).containsExactly("users", "items", "categories", "tags-per-category",
                "interactions-per-user", "min-interactions-per-user", "latent-dims", "popularity-skew", "taste-focus",
                "attribute-signal", "sequence-strength", "rating-noise", "start-time");
        assertThat(keys.get("movielens")).containsExactly("path", "layout", "tags", "on-error", "encoding");
        assertThat(keys.get("atomic")).containsExactly("path", "name", "user-field", "item-field", "rating-field",
                "timestamp-field", "float-seq", "text-fields", "on-error");
        assertThat(keys.get("csv")).containsExactly("path", "name", "delimiter", "header", "quoting", "encoding",
                "columns.user", "columns.item", "columns.rating", "columns.timestamp",
                "user-attributes.path", "user-attributes.id", "user-attributes.columns", "user-attributes.delimiter",
                "user-attributes.header", "user-attributes.quoting", "user-attributes.encoding",
                "item-attributes.path", "item-attributes.id", "item-attributes.columns", "item-attributes.delimiter",
                "item-attributes.header", "item-attributes.quoting", "item-attributes.encoding", "on-error");
    }

    @Test
    void everyPathParameterIsAPathSoCoreResolvesIt() {
        var paths = plugin().datasetLoaders().stream().flatMap(f -> f.schema().params().stream()
                .filter(p -> p.type() == ParamType.PATH).map(p -> f.name() + ":" + p.key())).toList();
        assertThat(paths).containsExactly("movielens:path", "atomic:path", "csv:path", "csv:user-attributes.path",
                "csv:item-attributes.path");
    }
}
