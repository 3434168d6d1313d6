package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.RecordingPluginContext;
import dev.m6rec.core.testing.Sections;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityExtractorTest {
    private final ActivityExtractorFactory factory = new ActivityExtractorFactory();

    private FeatureExtractor created(Map<String, Object> section) {
        return Sections.create(factory, "features.item[0]", section, new RecordingPluginContext(1, "features.item[0]"));
    }

    @Test
    void encodesEachItemsTrainingActivity() {
        FeatureExtractor extractor = created(Map.of("column", "uses"));
        extractor.fit(new FeatureInput(EntityKind.ITEM, IdIndex.range("i", Fixtures.USERS_OF.length),
                AttributeTable.empty(Fixtures.USERS_OF.length), Fixtures.interactions()));

        FeatureMatrix all = extractor.encodeAll();
        assertThat(extractor.columns()).containsExactly("uses");
        assertThat(all.columnNames()).containsExactly("uses");
        for (int item = 0; item < Fixtures.USERS_OF.length; item++) {
            assertThat(all.get(item, 0)).isEqualTo((float) Math.log1p(Fixtures.USERS_OF[item].length));
        }
        float[] fresh = {9f, 9f};
        extractor.encode(Attributes.none(), fresh, 1);
        assertThat(fresh).containsExactly(9f, 0f);
    }

    @Test
    void loadsWhatItSavedAndRefusesAnotherColumn() {
        FeatureExtractor extractor = created(Map.of());
        extractor.fit(new FeatureInput(EntityKind.USER, IdIndex.range("u", Fixtures.USERS),
                AttributeTable.empty(Fixtures.USERS), Fixtures.interactions()));
        MemoryArtifacts folder = new MemoryArtifacts("features.user[0]");
        extractor.save(folder);

        created(Map.of()).load(folder);
        assertThatThrownBy(() -> created(Map.of("column", "other")).load(folder)).isInstanceOf(ArtifactException.class)
                .hasMessage("features.user[0]: saved column 'activity' differs from the configured 'other'");
    }
}
