package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's component reference is the output of {@code m6rec config reference}, kept in step. */
class ReadmeReferenceTest {
    private static final String START = "<!-- reference:start -->\n";
    private static final String END = "<!-- reference:end -->";

    @Test
    void readmeReferenceMatchesTheInstalledSchemas() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String documented = readme.substring(readme.indexOf(START) + START.length(), readme.indexOf(END));
        CliRunner generated = CliRunner.run("config", "reference");
        assertThat(generated.exitCode()).isZero();
        assertThat(documented)
                .as("README.md is out of date: regenerate its reference section with ./m6rec config reference")
                .isEqualTo(generated.out());
    }
}
