package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitter;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HoldoutSplitterTest {
    private final HoldoutSplitterFactory factory = new HoldoutSplitterFactory();

    private static Dataset thousandRows() {
        Interactions.Builder builder = Interactions.builder(100, 10, false, false);
        for (int row = 0; row < 1000; row++) {
            builder.add(row / 10, row % 10, 1f, 0L);
        }
        return new Dataset("grid", IdIndex.range("u", 100), IdIndex.range("i", 10), builder.build(),
                AttributeTable.empty(100), AttributeTable.empty(10), Map.of());
    }

    private DataSplit split(long seed, Map<String, Object> section) {
        DatasetSplitter splitter = Sections.create(factory, "split", section, new RecordingPluginContext(seed, "split"));
        return splitter.split(thousandRows());
    }

    @Test
    void defaultsAndValidation() {
        assertThat(Sections.bind(factory, "split", Map.of())).isEqualTo(new HoldoutSplitterFactory.Settings(0.2, 0.1));
        assertThat(Sections.problems(factory, "split", Map.of("test", 0.6, "valid", 0.5)))
                .containsExactly("split.valid: test + valid must be < 1 (was 1.1)");
    }

    @Test
    void thePartsPartitionTheDataInRoughlyTheGivenShares() {
        DataSplit split = split(7, Map.of("test", 0.3, "valid", 0.1));
        Set<Integer> cells = new HashSet<>();
        for (Interactions part : new Interactions[] {split.train(), split.valid(), split.test()}) {
            for (int row = 0; row < part.size(); row++) {
                assertThat(cells.add(part.user(row) * 10 + part.item(row))).isTrue();
            }
        }
        assertThat(cells).hasSize(1000);
        assertThat(split.test().size()).isBetween(240, 360);
        assertThat(split.valid().size()).isBetween(60, 140);
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        Map<String, Object> section = Map.of();
        assertThat(split(3, section).test().byUser().columnIndexes())
                .isEqualTo(split(3, section).test().byUser().columnIndexes())
                .isNotEqualTo(split(4, section).test().byUser().columnIndexes());
    }
}
