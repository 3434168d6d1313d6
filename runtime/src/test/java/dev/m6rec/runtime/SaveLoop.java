package dev.m6rec.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for the crash test: loads an artifact and saves it over and over to a target
 * folder, printing {@code saved N} after each save, until it is killed.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) {
        try (M6Rec rec = M6Rec.load(Path.of(args[0]), List.of())) {
            for (int n = 1; ; n++) {
                rec.save(Path.of(args[1]));
                System.out.println("saved " + n);
                System.out.flush();
            }
        }
    }
}
