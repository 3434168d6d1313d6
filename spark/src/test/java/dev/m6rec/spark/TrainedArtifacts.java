package dev.m6rec.spark;

import dev.m6rec.runtime.M6Rec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small artifacts trained through the ordinary facade, for the Spark jobs to read. */
final class TrainedArtifacts {
    private TrainedArtifacts() {
    }

    /** Trains {@code interest} on a small synthetic dataset and saves the artifact under {@code dir}. */
    static Path train(Path dir, String name, String interest, int users) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, "seed: 5\n"
                + "spark: { master: 'local[2]', conf: { spark.sql.shuffle.partitions: 2, spark.default.parallelism: 2 } }\n"
                + "data: { type: synthetic, users: " + users + ", items: 80 }\n"
                + "interest: " + interest + "\n"
                + "output: { dir: " + dir.resolve(name + "-run") + " }\n");
        Path artifact = dir.resolve(name + "-artifact");
        try (M6Rec rec = M6Rec.fromConfig(config, List.of())) {
            rec.train();
            rec.save(artifact);
        }
        return artifact;
    }
}
