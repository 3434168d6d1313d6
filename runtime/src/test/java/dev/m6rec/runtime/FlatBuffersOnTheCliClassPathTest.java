package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The CLI's class path (runtime's, which ./m6rec extends with Spark's closure for Spark commands)
 * carries ND4J's flatbuffers-java at Spark's version, so adding Spark adds no second copy of it.
 * That ND4J's SameDiff format and Spark's Arrow both work on that version is
 * {@code FlatBuffersBesideSparkTest} (module spark).
 */
class FlatBuffersOnTheCliClassPathTest {
    @Test
    void flatBuffersIsSparksVersion() throws IOException {
        List<String> versions = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/maven/com.google.flatbuffers/flatbuffers-java/pom.properties"))) {
            try (InputStream in = url.openStream()) {
                Properties pom = new Properties();
                pom.load(in);
                versions.add(pom.getProperty("version"));
            }
        }
        assertThat(versions).containsExactly("24.3.25");
    }
}
