package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import dev.m6rec.core.testing.MemoryArtifacts;
import dev.m6rec.core.testing.Sections;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumericExtractorTest {
    private static final String PATH = "features.user[0]";
    private static final NumericFactory FACTORY = new NumericFactory();
    private static final float STD_AGE = (float) Math.sqrt(200.0 / 3);   // of 20, 30, 40

    /** Four users; user 2 has no age, user 3 no income. */
    private static FeatureInput users() {
        return ExtractorHarness.input(EntityKind.USER,
                new AttributeColumn.Numeric("age", new float[] {20, 30, Float.NaN, 40}),
                new AttributeColumn.Numeric("income", new float[] {0, 3, 7, Float.NaN}),
                new AttributeColumn.Categorical("gender", new String[] {"F", "M", "F", null}));
    }

    private static FeatureExtractor fitted(Map<String, Object> section) {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, section);
        extractor.fit(users());
        return extractor;
    }

    @Test
    void standardScalingCentresOnTheMeanAndImputesMissingValuesWithIt() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("age")));

        FeatureMatrix all = extractor.encodeAll();

        assertThat(all.columnNames()).containsExactly("age");
        assertThat(all.data()).containsExactly(-10f / STD_AGE, 0f, 0f, 10f / STD_AGE);
        assertThat(all.get(0, 0)).isCloseTo(-1.2247449f, within(1e-6f));
    }

    @Test
    void missingIndicatorAddsAColumnAfterEachField() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("age", "income"), "scaling", "none",
                "missing-indicator", true));

        assertThat(extractor.columns()).containsExactly("age", "age=<missing>", "income", "income=<missing>");
        assertThat(extractor.encodeAll().data()).containsExactly(
                20, 0, 0, 0,
                30, 0, 3, 0,
                30, 1, 7, 0,
                40, 0, 10f / 3, 1);
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeToZeroOne() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("age"), "scaling", "min-max"));

        assertThat(extractor.encodeAll().data()).containsExactly(0f, 0.5f, 0.5f, 1f);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().number("age", 50).build()))
                .containsExactly(1.5f);   // not clipped
    }

    @Test
    void logScalingTakesLog1pThenStandardisesWithTheRawMeanImputed() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("income"), "scaling", "log"));

        double t0 = 0;
        double t1 = Math.log(4);
        double t2 = Math.log(8);
        double mean = (t0 + t1 + t2) / 3;
        double std = Math.sqrt(((t0 - mean) * (t0 - mean) + (t1 - mean) * (t1 - mean) + (t2 - mean) * (t2 - mean)) / 3);
        double imputed = Math.log1p(10.0 / 3);
        float[] data = extractor.encodeAll().data();
        assertThat(data[0]).isCloseTo((float) ((t0 - mean) / std), within(1e-6f));
        assertThat(data[1]).isCloseTo((float) ((t1 - mean) / std), within(1e-6f));
        assertThat(data[2]).isCloseTo((float) ((t2 - mean) / std), within(1e-6f));
        assertThat(data[3]).isCloseTo((float) ((imputed - mean) / std), within(1e-6f));
        assertThat(data[0]).isCloseTo(-1.3363062f, within(1e-6f));
    }

    @Test
    void aConstantFieldEncodesAsZero() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("x")));
        extractor.fit(ExtractorHarness.input(EntityKind.USER, new AttributeColumn.Numeric("x", new float[] {5, 5})));

        assertThat(extractor.encodeAll().data()).containsExactly(0f, 0f);
    }

    @Test
    void newEntitiesAreScaledAndMissingValuesTakeTheTrainingMean() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("age", "income"), "scaling", "none",
                "missing-indicator", true));

        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().number("age", 25).build()))
                .containsExactly(25, 0, 10f / 3, 1);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.none()))
                .containsExactly(30, 1, 10f / 3, 1);
        assertThat(ExtractorHarness.encodeNew(extractor, Attributes.builder().category("age", "old").build()))
                .as("a non-numeric value counts as missing").containsExactly(30, 1, 10f / 3, 1);
    }

    @Test
    void aKnownEntityEncodesLikeItsAttributes() {
        FeatureInput input = users();
        for (String scaling : List.of("standard", "min-max", "none", "log")) {
            FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH,
                    Map.of("fields", List.of("age", "income"), "scaling", scaling, "missing-indicator", true));
            extractor.fit(input);
            for (int u = 0; u < 4; u++) {
                assertThat(ExtractorHarness.encodeKnown(extractor, u)).as(scaling + " user " + u)
                        .containsExactly(ExtractorHarness.encodeNew(extractor, input.attributes().row(u)));
            }
        }
    }

    @Test
    void invalidSectionsAreReportedWithTheirFullPath() {
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("age"), "scaling", "zscore")))
                .containsExactly("features.user[0].scaling: must be one of [standard, min-max, none, log] (was 'zscore')");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("scaling", "none")))
                .containsExactly("features.user[0].fields: required (numeric attributes to encode, one column each)");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of())))
                .containsExactly("features.user[0].fields: must name at least one attribute");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("age", "income", "age"))))
                .containsExactly("features.user[0].fields[2]: attribute 'age' is listed twice");
        assertThat(Sections.problems(FACTORY, PATH, Map.of("fields", List.of("age"), "missing-indicator", "yes")))
                .containsExactly("features.user[0].missing-indicator: expected true or false (was 'yes')");
    }

    @Test
    void anUnknownFieldFailsAtFitNamingThePathAndTheAvailableAttributes() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("age", "agee")));

        assertThatThrownBy(() -> extractor.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[1]: unknown user attribute 'agee'; available: [age, income, gender]");
    }

    @Test
    void aFieldOfAnotherKindFailsAtFit() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("gender")));

        assertThatThrownBy(() -> extractor.fit(users()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("features.user[0].fields[0]: user attribute 'gender' is categorical; "
                        + "numeric needs a numeric attribute");
    }

    @Test
    void saveAndLoadReproduceEveryEncoding() {
        Map<String, Object> section = Map.of("fields", List.of("age", "income"), "scaling", "log",
                "missing-indicator", true);
        FeatureExtractor extractor = fitted(section);
        // A different section on load: the saved state, not the config, decides the encoding.
        FeatureExtractor loaded = ExtractorHarness.reload(extractor, FACTORY, PATH,
                Map.of("fields", List.of("age"), "scaling", "none"));

        ExtractorHarness.assertEncodesAlike(loaded, extractor, users().attributes());
        Attributes newUser = Attributes.builder().number("income", 12).build();
        assertThat(ExtractorHarness.encodeNew(loaded, newUser))
                .containsExactly(ExtractorHarness.encodeNew(extractor, newUser));
        assertThat(ExtractorHarness.encodeNew(loaded, users().attributes().row(2)))
                .containsExactly(ExtractorHarness.encodeKnown(extractor, 2));
    }

    @Test
    void loadRefusesStateOfAnotherExtractorOrWithBadParameters() {
        FeatureExtractor extractor = fitted(Map.of("fields", List.of("age")));
        MemoryArtifacts artifacts = new MemoryArtifacts();
        extractor.save(artifacts);
        assertThat(artifacts.files.keySet()).as("the learned parameters, no rows").containsExactlyInAnyOrder(
                "extractor.txt", "columns.txt", "numeric.txt", "fields.txt", "imputed.f32", "center.f32", "scale.f32");

        FeatureExtractor categorical = ExtractorHarness.create(new CategoricalFactory(), PATH,
                Map.of("fields", List.of("gender")));
        assertThatThrownBy(() -> categorical.load(artifacts))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory/extractor.txt: saved by a 'numeric' extractor, cannot load it as 'categorical'");

        MemoryArtifacts tampered = new MemoryArtifacts();
        extractor.save(tampered);
        MemoryArtifacts twoCentres = new MemoryArtifacts();
        twoCentres.writeFloats("center.f32", new float[] {30, 40});
        tampered.files.put("center.f32", twoCentres.files.get("center.f32"));
        FeatureExtractor numeric = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("age")));
        assertThatThrownBy(() -> numeric.load(tampered))
                .isInstanceOf(ArtifactException.class)
                .hasMessage("memory: numeric parameters do not match 1 fields");

        MemoryArtifacts formatOne = new MemoryArtifacts();
        extractor.save(formatOne);
        formatOne.files.put("extractor.txt", "format=1\ntype=numeric\ncolumns=1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> numeric.load(formatOne))
                .isInstanceOf(ArtifactException.class)
                .as("format 1 also held the known rows")
                .hasMessage("memory/extractor.txt: unsupported format '1' (this version reads 2)");
    }

    @Test
    void usingAnUnfittedExtractorIsABug() {
        FeatureExtractor extractor = ExtractorHarness.create(FACTORY, PATH, Map.of("fields", List.of("age")));

        assertThatThrownBy(extractor::encodeAll)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("features.user[0] (numeric): used before fit or load");
    }
}
