package dev.m6rec.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code output:} section.
 *
 * @param dir     where metrics.json, the report and the artifact go (relative to the working directory)
 * @param samples how many users' sample recommendations the run prints
 * @param k       the length of printed sample lists
 */
public record OutputSettings(Path dir, int samples, int k) {
    public OutputSettings {
        Objects.requireNonNull(dir, "dir is null");
    }
}
