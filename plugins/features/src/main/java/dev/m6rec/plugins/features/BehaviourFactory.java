package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Param;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;

/**
 * {@code behaviour}: aggregates of the training interactions of each user (or item); new entities
 * encode zeros. {@code behavior} is accepted as an alias: the same settings make the same extractor.
 *
 * <pre>{@code
 * features.user: [ { type: behaviour, aggregates: [log-count, recency], recency-half-life: 14 } ]
 * # columns: behaviour:log-count, behaviour:recency
 * }</pre>
 */
public final class BehaviourFactory implements FeatureExtractorFactory<BehaviourFactory.Settings> {
    static final String NAME = "behaviour";
    /** The American spelling, kept working for existing configs. */
    static final String ALIAS = "behavior";

    /** The {@code behaviour} section; {@code profileField} is null without a category profile. */
    public record Settings(
            @Param(value = "columns to compute, in this order: log-count: ln(1 + interactions); rating-mean: "
                    + "mean rating minus the global mean; rating-std: standard deviation of the ratings; recency: "
                    + "2^(-days since the last interaction / recency-half-life), days counted back from the last "
                    + "training timestamp", def = "[log-count, rating-mean, rating-std, recency]",
                    oneOf = {"log-count", "rating-mean", "rating-std", "recency"}) List<String> aggregates,
            @Param(value = "days after which the recency column has halved", def = "30", above = 0)
            double recencyHalfLife,
            @Param(value = "users only: also the share of the user's training interactions per value of this "
                    + "item attribute (categorical or tags, e.g. genres)") String profileField) {
    }

    private final String name;

    public BehaviourFactory() {
        this(NAME);
    }

    private BehaviourFactory(String name) {
        this.name = name;
    }

    /** The factory registered as {@code behavior}. */
    static BehaviourFactory alias() {
        return new BehaviourFactory(ALIAS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return name.equals(NAME)
                ? "interaction count, rating mean and spread, recency, category profile from the training interactions"
                : "alias of " + NAME;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public void check(Settings settings, Problems problems) {
        NameListRules.check("aggregates", settings.aggregates(), "aggregate", problems);
    }

    @Override
    public FeatureExtractor create(Settings settings, PluginContext context) {
        requireNonNull(settings, "settings is null");
        requireNonNull(context, "context is null");
        return new BehaviourExtractor(settings, context.componentPath());
    }
}
