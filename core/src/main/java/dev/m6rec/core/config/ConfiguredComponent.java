package dev.m6rec.core.config;

import dev.m6rec.api.ComponentFactory;
import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.InterestModelSection;
import dev.m6rec.api.config.ParamSpec;
import dev.m6rec.api.config.ParamType;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.api.similarity.SimilarityModelFactory;
import dev.m6rec.core.plugin.ComponentKind;
import dev.m6rec.core.plugin.PluginFaults;
import dev.m6rec.core.plugin.RegisteredFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One component section after validation: where it is ({@code features.user[0]}), the factory its
 * {@code type} resolved to (once, here), and its typed settings. Training, saving and loading
 * create the component from this, never by looking the name up again.
 *
 * @param kind       the extension point
 * @param path       the section's key path
 * @param registered the factory and the plugin that contributed it
 * @param settings   the factory's settings record, checked
 * @param section    the section's checked values (core reads its own keys, e.g. the study's, here)
 * @param effective  every parameter of the factory with defaults filled in and paths resolved, for provenance
 */
public record ConfiguredComponent(ComponentKind kind, String path, RegisteredFactory registered, Record settings,
                                  BoundComponentConfig section, Map<String, Object> effective)
        implements InterestModelSection {
    public ConfiguredComponent {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(registered, "registered is null");
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(section, "section is null");
        effective = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effective));
    }

    /** The registered name {@code type} selected. */
    public String type() {
        return registered.name();
    }

    public ComponentFactory<?, ?> factory() {
        return registered.factory();
    }

    /** A new, unfitted component with a context of its own. */
    @SuppressWarnings("unchecked")
    public <T> T create(PluginContext context) {
        ComponentFactory<Record, ?> factory = (ComponentFactory<Record, ?>) registered.factory();
        return (T) PluginFaults.call(factory, "create", () -> factory.create(settings, context));
    }

    /**
     * Whether this is a similarity section built from the interest model's item embeddings, so that
     * it is fitted after the interest model (the one rule that orders the pipeline).
     */
    @SuppressWarnings("unchecked")
    public boolean needsEmbeddings() {
        return registered.factory() instanceof SimilarityModelFactory<?> factory
                && ((SimilarityModelFactory<Record>) factory).requiresEmbeddings(settings);
    }

    /** Whether this is an interest model section whose model exposes item embeddings. */
    @SuppressWarnings("unchecked")
    public boolean learnsItemEmbeddings() {
        return registered.factory() instanceof InterestModelFactory<?> factory
                && ((InterestModelFactory<Record>) factory).learnsItemEmbeddings(settings);
    }

    /** This section and every interest model section nested in it (depth first), e.g. a stack's base models. */
    public List<ConfiguredComponent> withNested() {
        List<ConfiguredComponent> all = new ArrayList<>();
        all.add(this);
        for (ParamSpec p : registered.schema().params()) {
            if (p.type() == ParamType.INTEREST_MODELS && section.givenValues().get(p.key()) instanceof List<?> nested) {
                for (Object c : nested) {
                    all.addAll(((ConfiguredComponent) c).withNested());
                }
            }
        }
        return all;
    }

    /** The settings as the factory's record type. */
    public <S extends Record> S settings(Class<S> type) {
        return type.cast(settings);
    }
}
