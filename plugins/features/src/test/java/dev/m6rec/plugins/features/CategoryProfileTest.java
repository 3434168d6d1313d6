package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryProfileTest {
    private static final String PATH = "features.user[3]";
    private static final BehaviourFactory FACTORY = new BehaviourFactory();
    private static final Map<String, Object> SECTION = Map.of("aggregates", List.of("log-count"), "profile-field", "genres");

    /** User 0 touched a Comedy and a Comedy|Drama item; user 1 touched nothing. */
    private static FeatureInput users() {
        Interactions train = new Interactions(2, 3, new int[] {0, 0}, new int[] {0, 1}, null, null);
        AttributeTable items = new AttributeTable(3, List.of(new AttributeColumn.Tags("genres",
                new String[][] {{"Comedy"}, {"Comedy", "Drama"}, {"Horror"}})));
        return new FeatureInput(EntityKind.USER, IdIndex.range("u", 2), AttributeTable.empty(2), train, items);
    }

    @Test
    void sharesOfTheUsersInteractionsPerItemCategory() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, SECTION);
        extractor.fit(users());
        assertThat(extractor.columns()).containsExactly("behaviour:log-count", "behaviour:genres=Comedy",
                "behaviour:genres=Drama", "behaviour:genres=Horror");
        // Comedy: 1 + 1/2 of 2 interactions; Drama: 1/2 of 2.
        assertThat(ExtractorHarness.encodeKnown(extractor, 0))
                .containsExactly((float) Math.log1p(2), 0.75f, 0.25f, 0f);
        assertThat(ExtractorHarness.encodeKnown(extractor, 1)).containsExactly(0f, 0f, 0f, 0f);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.none())).containsExactly(0f, 0f, 0f, 0f);
        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH, SECTION);
        ExtractorHarness.assertEncodesAlike(loaded, extractor, users().attributes());
    }

    @Test
    void anUnknownFieldOrAnItemSideProfileIsAConfigError() {
        FeatureExtractor wrongField = ExtractorHarness.create(FACTORY, PATH, Map.of("profile-field", "genre"));
        assertThatThrownBy(() -> wrongField.fit(users())).isInstanceOf(ConfigException.class)
                .hasMessage("features.user[3].profile-field: unknown item attribute 'genre'; available: [genres]");
        FeatureExtractor itemSide = ExtractorHarness.create(FACTORY, "features.item[0]", Map.of("profile-field", "genres"));
        FeatureInput items = new FeatureInput(EntityKind.ITEM, IdIndex.range("i", 3), AttributeTable.empty(3),
                users().train());
        assertThatThrownBy(() -> itemSide.fit(items)).isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].profile-field: a category profile describes users; use it under features.user");
    }
}
