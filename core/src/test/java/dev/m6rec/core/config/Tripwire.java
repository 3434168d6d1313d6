package dev.m6rec.core.config;

/** Counts its constructions: a YAML tag naming it must never get it built. */
public final class Tripwire {
    static int constructed;

    public Tripwire() {
        constructed++;
    }
}
