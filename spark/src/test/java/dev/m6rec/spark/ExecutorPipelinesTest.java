package dev.m6rec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.runtime.M6Rec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorPipelinesTest {

    @Test
    void anExecutorLoadsAnArtifactOnceAndKeepsNoCopyOfItsFolder(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("popularity.yaml");
        Files.writeString(config, "seed: 3\ndata: { type: synthetic, users: 60, items: 40 }\n"
                + "interest: { type: popularity }\noutput: { dir: " + dir.resolve("run") + " }\n");
        Path saved = dir.resolve("artifact");
        try (M6Rec rec = M6Rec.fromConfig(config, List.of())) {
            rec.train();
            rec.save(saved);
        }
        ArtifactBytes bytes = ArtifactBytes.read(saved);
        String prefix = "m6rec-artifact-" + bytes.tag().substring(0, 12) + "-";
        assertThat(temporaryFolders(prefix)).isZero();

        M6Rec loaded = ExecutorPipelines.of(bytes);
        try {
            assertThat(ExecutorPipelines.of(bytes)).isSameAs(loaded);
            assertThat(temporaryFolders(prefix)).as("the folder the executor loaded from").isZero();
            assertThat(loaded.recommend("u1", 5, null)).hasSize(5);
        } finally {
            ExecutorPipelines.release(bytes);
        }
    }

    private static long temporaryFolders(String prefix) throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).count();
        }
    }
}
