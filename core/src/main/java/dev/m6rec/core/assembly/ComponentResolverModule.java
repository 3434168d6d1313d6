package dev.m6rec.core.assembly;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

/** Binds the {@link ComponentResolver}, the single place where {@code type} names are resolved. */
final class ComponentResolverModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(ComponentResolver.class).in(Singleton.class);
    }
}
