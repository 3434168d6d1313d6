package dev.m6rec.core.assembly;

import com.google.inject.AbstractModule;

/**
 * Makes the injector strict: nothing is bound implicitly, constructors need {@code @Inject},
 * binding annotations must match exactly, and a dependency cycle is an error instead of a proxy.
 * A wiring mistake therefore fails when the injector is built, not on first use.
 */
final class HardenedInjectorModule extends AbstractModule {
    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().disableCircularProxies();
        binder().requireAtInjectOnConstructors();
        binder().requireExactBindingAnnotations();
    }
}
