package dev.m6rec.plugins.dl4j.stack;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * {@code stack}: a learned ranking stage. Base models recall candidates; an MLP ranks them from
 * the base models' scores and the user's and item's features.
 *
 * <pre>{@code
 * interest: { type: stack, base: [ {type: ease}, {type: bpr} ], candidates: 100, ranker: { hidden: [32] } }
 * }</pre>
 */
public final class StackFactory implements InterestModelFactory<StackSettings> {

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public String description() {
        return "learned ranking stage: an MLP ranks the base models' candidates from their scores and the features";
    }

    @Override
    public Class<StackSettings> settingsType() {
        return StackSettings.class;
    }

    @Override
    public InterestModel create(StackSettings settings, PluginContext context) {
        return new StackModel(settings, context);
    }
}
