package dev.m6rec.plugins.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test fixtures. */
public final class TextFiles {
    private TextFiles() {
    }

    public static Path write(Path dir, String name, String content) {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String name, String content, Charset charset) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
