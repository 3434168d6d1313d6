package dev.m6rec.api.config;

/**
 * One nested interest model section inside another component's settings ({@code base: [{type: ease},
 * {type: bpr, factors: 32}]}), already bound and checked by core like a top-level {@code interest:}
 * section. A settings record declares such a list as a {@code List<InterestModelSection>} component,
 * and the component makes the models with {@link dev.m6rec.api.PluginContext#createInterestModel}.
 */
public interface InterestModelSection {

    /** The section's full path, e.g. {@code interest.base[1]}. */
    String path();

    /** The interest model's registered name, e.g. {@code bpr}. */
    String type();
}
