package dev.m6rec.plugins.features;

import dev.m6rec.api.Plugin;
import dev.m6rec.api.feature.FeatureExtractorFactory;
import java.util.List;

/**
 * The built-in feature extractors: {@code numeric}, {@code categorical}, {@code multi-hot},
 * {@code hashing}, {@code tfidf}, {@code behaviour} (also registered as its alias {@code behavior}),
 * {@code date} and {@code bucket}.
 *
 * <pre>{@code
 * features:
 *   user: [ { type: categorical, fields: [gender, occupation] }, { type: numeric, fields: [age] } ]
 *   item: [ { type: multi-hot, field: genres }, { type: tfidf, field: title, max-features: 500 } ]
 * }</pre>
 */
public final class FeaturesPlugin implements Plugin {

    @Override
    public String name() {
        return "features";
    }

    @Override
    public List<FeatureExtractorFactory<?>> featureExtractors() {
        return List.of(new NumericFactory(), new CategoricalFactory(), new MultiHotFactory(), new HashingFactory(),
                new TfidfFactory(), new BehaviourFactory(), BehaviourFactory.alias(), new DateFactory(),
                new BucketFactory());
    }
}
