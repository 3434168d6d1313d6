package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluation.groups}: the bounds of the user activity groups test metrics are reported for. */
class EvaluationGroupsConfigTest {
    @TempDir
    Path dir;

    private RunConfig validate(String yaml) throws IOException {
        Path file = dir.resolve("groups.yaml");
        Files.writeString(file, yaml);
        return RunConfigValidator.validate(new ConfigLoader(Map.<String, String>of()::get, name -> null)
                .read(file, List.of()), StubFactories.registry());
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            validate(yaml);
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void defaultsToColdOneToFiveSixToTwentyTwentyOneToAHundredAndMore() throws IOException {
        assertThat(validate("seed: 1\n").evaluation().groups()).containsExactly(0, 5, 20, 100);
        assertThat(validate("evaluation: {groups: [2, 10]}\n").evaluation().groups()).containsExactly(2, 10);
        assertThat(validate("evaluation: {groups: []}\n").evaluation().groups()).isEmpty();
    }

    @Test
    void boundsAreNonNegativeAndStrictlyAscending() throws IOException {
        assertThat(problems("evaluation: {groups: [0, 20, 20]}\n"))
                .containsExactly("evaluation.groups: bounds must be strictly ascending (was [0, 20, 20])");
        assertThat(problems("evaluation: {groups: [-1, 5]}\n")).containsExactly("evaluation.groups[0]: must be >= 0 (was -1)");
    }
}
