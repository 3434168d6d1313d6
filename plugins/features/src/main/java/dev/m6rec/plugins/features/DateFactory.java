package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;

/**
 * {@code date}: the year of a date attribute and its age in years at the end of the training
 * data, both standardised; missing dates encode as the training mean (0).
 *
 * <pre>{@code
 * features.item: [ { type: date, field: release-date, unit: days } ]
 * # columns: release-date:year, release-date:age
 * }</pre>
 */
public final class DateFactory implements FeatureExtractorFactory<DateFactory.Settings> {
    static final String NAME = "date";

    /** The {@code date} section. */
    public record Settings(
            @Param(value = "the date attribute: numeric (see unit) or text (2020-01-31, 01-Jan-1995, 1995)",
                    required = true) String field,
            @Param(value = "numeric dates: seconds or days since 1970-01-01, or a year", def = "seconds",
                    oneOf = {"seconds", "days", "year"}) String unit) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "year and age (at the end of training) of a date attribute, standardised";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new DateExtractor(settings, context.componentPath());
    }
}
