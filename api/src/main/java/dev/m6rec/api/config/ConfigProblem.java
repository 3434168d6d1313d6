package dev.m6rec.api.config;

import java.util.Objects;

/**
 * One configuration problem: the full key path ({@code interest.hidden[1]}) and what is wrong
 * ({@code must be > 0 (was -3)}).
 */
public record ConfigProblem(String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
