package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.Sections;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateExtractorTest {
    private static final String PATH = "features.item[0]";
    private static final DateFactory FACTORY = new DateFactory();

    /** Four items: three readable release dates in three text formats and one missing; training ends 2001-01-01. */
    private static FeatureInput input() {
        String[] dates = {"01-Jan-1995", "1997-01-01", "1999", null};
        long end = LocalDate.of(2001, 1, 1).toEpochDay() * 86_400;
        Interactions train = new Interactions(1, 4, new int[] {0, 0}, new int[] {0, 1}, null, new long[] {end - 86_400, end});
        return new FeatureInput(EntityKind.ITEM, IdIndex.range("i", 4),
                new AttributeTable(4, List.of(new AttributeColumn.Text("release", dates))), train);
    }

    @Test
    void encodesStandardisedYearAndAgeAtTheEndOfTraining() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "release"));
        extractor.fit(input());
        assertThat(extractor.columns()).containsExactly("release:year", "release:age");
        // Years 1995, 1997, 1999 (to within a day): mean 1997, population std sqrt(8/3); ages mirror them.
        double std = Math.sqrt(8.0 / 3);
        float[] first = ExtractorHarness.encodeKnown(extractor, 0);
        assertThat(first[0]).isCloseTo((float) (-2 / std), within(2e-3f));
        assertThat(first[1]).isCloseTo((float) (2 / std), within(2e-3f));
        assertThat(ExtractorHarness.encodeKnown(extractor, 1)[0]).isCloseTo(0f, within(2e-3f));
        // A missing date is the training mean: zeros.
        assertThat(ExtractorHarness.encodeKnown(extractor, 3)).containsExactly(0f, 0f);
    }

    @Test
    void aNewItemEncodesLikeAKnownOneWithTheSameDateAndSurvivesSaveAndLoad() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "release"));
        extractor.fit(input());
        float[] known = ExtractorHarness.encodeKnown(extractor, 1);
        float[] fresh = ExtractorHarness.encodeNew(extractor, Attributes.builder().text("release", "1997-01-01").build());
        assertThat(fresh).containsExactly(known);
        // A different section on load: the saved state, not the config, decides the encoding.
        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH,
                Map.of("field", "year", "unit", "days"));
        ExtractorHarness.assertEncodesAlike(loaded, extractor, input().attributes());
        assertThat(ExtractorHarness.encodeNew(loaded, Attributes.builder().text("release", "1997-01-01").build()))
                .containsExactly(known);
    }

    @Test
    void numericDatesUseTheDeclaredUnit() {
        assertThat(DateParser.fromNumber(86_400f * 10, "seconds")).isEqualTo(10.0);
        assertThat(DateParser.fromNumber(10f, "days")).isEqualTo(10.0);
        assertThat(DateParser.year(DateParser.fromNumber(1995f, "year"))).isCloseTo(1995.0, within(1e-9));
        assertThat(DateParser.fromText("12-oct-1992")).isEqualTo(LocalDate.of(1992, 10, 12).toEpochDay());
        assertThat(DateParser.fromText("not a date")).isNaN();
    }

    @Test
    void anUnknownOrWrongFieldIsAConfigErrorWithItsPath() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("field", "relase"));
        assertThatThrownBy(() -> extractor.fit(input())).isInstanceOf(ConfigException.class)
                .hasMessage("features.item[0].field: unknown item attribute 'relase'; available: [release]");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("field", "release", "unit", "weeks")))
                .containsExactly("features.item[0].unit: must be one of [seconds, days, year] (was 'weeks')");
    }
}
