package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;

/**
 * {@code categorical}: one-hot columns per categorical attribute, rare and unseen categories
 * folded into {@code <field>=<other>}, missing values all zero.
 *
 * <pre>{@code
 * features.user: [ { type: categorical, fields: [gender, occupation], min-count: 5 } ]
 * # columns: gender=F, gender=M, gender=<other>, occupation=admin, ..., occupation=<other>
 * }</pre>
 */
public final class CategoricalFactory implements FeatureExtractorFactory<CategoricalFactory.Settings> {
    static final String NAME = "categorical";

    /** The {@code categorical} section; {@code maxCategories} is null when every category is kept. */
    public record Settings(
            @Param(value = "categorical attributes to encode one-hot", required = true) List<String> fields,
            @Param(value = "categories seen fewer times in training fold into <field>=<other>", def = "1", min = 1)
            int minCount,
            @Param(value = "keep at most this many most frequent categories per field (default: all); "
                    + "the rest fold into <field>=<other>", min = 1) Integer maxCategories) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "one-hot categorical attributes; rare and unseen categories fold into <other>";
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
        return new CategoricalExtractor(settings, context.componentPath());
    }
}
