package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.UserProfile;
import dev.m6rec.core.testing.MemoryArtifacts;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved {@code als} model loads and scores with neither Spark nor Scala on the class path: the
 * test's class path minus those jars, in a loader that does not delegate to the test's.
 */
class AlsWithoutSparkTest {

    @Test
    void aSavedModelScoresInAClassLoaderWithoutSpark(@TempDir Path dir) throws Exception {
        PlantedTastes data = PlantedTastes.generate(11);
        TestSpark.session();
        InterestModel trained = AlsModelTest.fit(Map.of("rank", 4, "iterations", 3, "blocks", 2), 5,
                data.trainingData());
        MemoryArtifacts saved = new MemoryArtifacts("memory/interest");
        trained.save(saved);
        FolderArtifacts.write(dir, saved.files);
        UserProfile user = data.profile(42);
        float[] expected = new float[PlantedTastes.ITEMS];
        trained.scoreAll(user, expected);

        try (URLClassLoader withoutSpark = new URLClassLoader(classPathWithoutSpark(),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.apache.spark.sql.SparkSession", false, withoutSpark))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("scala.Option", false, withoutSpark))
                    .isInstanceOf(ClassNotFoundException.class);
            Object scores = withoutSpark.loadClass(SparkFreeScoring.class.getName())
                    .getMethod("score", String.class, int.class, int[].class)
                    .invoke(null, dir.toString(), 42, user.history());

            assertThat((float[]) scores).containsExactly(expected);
        }
    }

    /** The surefire class path without Spark's closure (which the test JVM itself has, as provided). */
    private static URL[] classPathWithoutSpark() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = entry.replace('\\', '/');
            boolean spark = name.contains("/org/apache/spark/") || name.contains("/org/scala-lang/")
                    || name.contains("/spark-lib/");
            if (!spark && !entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertThat(urls).hasSizeGreaterThan(3);
        return urls.toArray(URL[]::new);
    }
}
