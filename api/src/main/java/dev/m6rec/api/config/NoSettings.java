package dev.m6rec.api.config;

/** The settings of a component that takes no parameters besides {@code type}. */
public record NoSettings() {
}
