package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;

/**
 * {@code numeric}: one scaled column per numeric attribute; missing values take the training mean.
 *
 * <pre>{@code
 * features.user: [ { type: numeric, fields: [age], scaling: standard, missing-indicator: true } ]
 * # columns: age, age=<missing>
 * }</pre>
 */
public final class NumericFactory implements FeatureExtractorFactory<NumericFactory.Settings> {
    static final String NAME = "numeric";

    /** The {@code numeric} section. */
    public record Settings(
            @Param(value = "numeric attributes to encode, one column each", required = true) List<String> fields,
            @Param(value = "standard: (x-mean)/std; min-max: (x-min)/(max-min); none: raw value; "
                    + "log: sign(x)*log1p(|x|), then standard", def = "standard") NumericScaling scaling,
            @Param(value = "add a column <field>=<missing> that is 1 where the value is missing", def = "false")
            boolean missingIndicator) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "scaled numeric attributes, missing values imputed with the training mean";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        NameListRules.check("fields", settings.fields(), "attribute", problems);
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new NumericExtractor(settings, context.componentPath());
    }
}
