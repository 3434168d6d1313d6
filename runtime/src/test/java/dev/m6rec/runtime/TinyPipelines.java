package dev.m6rec.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiny synthetic pipelines for the runtime's tests, trained in well under a second: written as
 * YAML into a temporary folder, trained through the facade and saved as artifacts.
 */
public final class TinyPipelines {
    /** Popularity ranking, no similarity section: the plainest pipeline. */
    public static final String POPULARITY = """
            seed: 7
            data: { type: synthetic, users: 200, items: 100 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            features:
              user:
                - { type: categorical, fields: [gender, occupation] }
                - { type: numeric, fields: [age] }
            interest: { type: popularity }
            """;

    /** Item-knn over cosine similarity, exact full ranking: an event lifts the consumed item's neighbours. */
    public static final String ITEM_KNN = """
            seed: 11
            data: { type: synthetic, users: 200, items: 100 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            features:
              user:
                - { type: categorical, fields: [gender, occupation] }
                - { type: numeric, fields: [age] }
            similarity: { type: cosine, source: interactions, neighbours: 30 }
            interest: { type: item-knn }
            """;

    /** A small mlp (history pooling and the kNN input on): its scores follow events recorded after training. */
    public static final String MLP = """
            seed: 13
            data: { type: synthetic, users: 200, items: 100 }
            split: { type: ratio, ratios: [0.8, 0.1, 0.1] }
            similarity: { type: cosine, source: interactions, neighbours: 30 }
            interest: { type: mlp, embedding: 8, hidden: [16], epochs: 3 }
            """;

    /** Item-knn through the full serving path: recall from history and popularity, MMR re-rank. */
    public static final String SERVING_PATH = ITEM_KNN + """
            recommend: { recall: { history: 40, popular: 20 }, diversity: 0.2 }
            """;

    private TinyPipelines() {
    }

    /** Writes {@code yaml} (plus an output folder inside {@code dir}) as {@code dir/name.yaml}. */
    public static Path config(Path dir, String name, String yaml) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".yaml");
            Files.writeString(file, yaml + "output: { dir: " + dir.resolve("runs-" + name).toAbsolutePath() + ", samples: 0 }\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains the pipeline {@code yaml} describes; the caller closes it. */
    public static M6Rec train(Path dir, String name, String yaml) {
        M6Rec rec = M6Rec.fromConfig(config(dir, name, yaml), List.of());
        rec.train();
        return rec;
    }

    /** Trains and saves the pipeline; returns the artifact folder {@code dir/name-artifact}. */
    public static Path artifact(Path dir, String name, String yaml) {
        Path artifact = dir.resolve(name + "-artifact");
        try (M6Rec rec = train(dir, name, yaml)) {
            rec.save(artifact);
        }
        return artifact;
    }

    /** A copy of an artifact folder (to corrupt without touching the original). */
    public static Path copy(Path artifact, Path target) {
        try (var files = Files.walk(artifact)) {
            for (Path from : files.toList()) {
                Path to = target.resolve(artifact.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flips the lowest bit of the byte in the middle of {@code file}. */
    public static void flipOneByte(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new IllegalArgumentException(file + " is empty");
            }
            bytes[bytes.length / 2] ^= 1;
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
