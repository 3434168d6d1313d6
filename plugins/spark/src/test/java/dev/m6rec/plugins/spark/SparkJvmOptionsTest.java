package dev.m6rec.plugins.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The JVM options ./m6rec and the tests give Spark are the ones spark-submit would give this Spark version. */
class SparkJvmOptionsTest {

    @Test
    void theLaunchersOptionsAreSparkSubmits() throws IOException {
        String built = Files.readString(Path.of(System.getProperty("m6rec.sparkJvmOptions"))).trim();

        assertThat(built).isEqualTo(JavaModuleOptions.defaultModuleOptions());
        assertThat(System.getProperty("io.netty.tryReflectionSetAccessible")).as("surefire's argLine").isEqualTo("true");
    }
}
