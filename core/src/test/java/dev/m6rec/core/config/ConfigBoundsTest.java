package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.m6rec.api.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile configs end in one ConfigException naming file:line or key path, fast and in little memory. */
class ConfigBoundsTest {
    private static final Duration FAST = Duration.ofSeconds(10);
    private final ConfigLoader loader = new ConfigLoader(name -> null, name -> null);

    @TempDir
    Path dir;

    /** The 569-byte file of the issue: 24 levels of aliases, each list holding the previous one twice. */
    static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [x]\n");
        for (int i = 1; i < 24; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        return yaml.toString();
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.write(file, bytes);
        return file;
    }

    private Path write(String yaml) throws IOException {
        return write(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedAliasesThatExpandPastTheBoundAreRefusedNamingTheSection() throws IOException {
        Path file = write(aliasBomb());
        assertThat(Files.size(file)).isLessThan(600);
        assertTimeoutPreemptively(FAST, () -> assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("l15: holds more than 100000 values (counting each use of a YAML alias); a config needs far fewer"));
    }

    @Test
    void aliasesWithinTheBoundStillLoad() throws IOException {
        RawConfig raw = loader.read(write("a: &a [1, 2]\nb: {x: *a, y: *a}\n"), List.of());
        assertThat(raw.get("b")).contains(Map.of("x", List.of(1, 2), "y", List.of(1, 2)));
    }

    @Test
    void aRecursiveAliasIsRefusedNamingItsPath() throws IOException {
        Path file = write("data: {type: csv}\na: &a [*a]\n");
        assertTimeoutPreemptively(FAST, () -> assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a[0]: a YAML alias that contains itself (a recursive alias) is not allowed"));
    }

    @Test
    void aRecursiveAliasInASetValueIsRefusedNamingTheKey() throws IOException {
        Path file = write("data: {type: csv}\n");
        assertTimeoutPreemptively(FAST, () -> assertThatThrownBy(() -> loader.read(file, List.of("b=[&x [*x]]")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("b[0][0]: --set value: a YAML alias that contains itself (a recursive alias) is not"
                        + " allowed"));
    }

    @Test
    void aRecursiveMapBuiltInCodeIsRefused() {
        Map<String, Object> inner = new java.util.LinkedHashMap<>();
        inner.put("self", inner);
        assertThatThrownBy(() -> RawConfig.fromMap(Map.of("x", inner)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("x.self: a YAML alias that contains itself (a recursive alias) is not allowed");
    }

    @Test
    void aFileOver256KibIsRefusedBeforeParsing() throws IOException {
        Path file = dir.resolve("run.yaml");
        // The 50 MB quoted scalar of the issue: only the first 256 KiB are ever read.
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("a: \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertTimeoutPreemptively(FAST, () -> assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": config file is larger than 256 KiB; a config is a few KB"));
    }

    @Test
    void aFileOfExactly256KibIsRead() throws IOException {
        String head = "a: ";
        int length = ConfigLoader.MAX_CONFIG_BYTES - head.length() - 1;
        String yaml = head + "x".repeat(length) + "\n";
        assertThat(loader.read(write(yaml), List.of()).get("a")).hasValueSatisfying(
                v -> assertThat((String) v).hasSize(length));
    }

    @Test
    void aNulByteIsRefusedWithFileAndLine() throws IOException {
        Path file = write("data: {type: csv}\nseed: 4\u00002\n");
        assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: control character U+0000 (NUL) is not allowed in a config");
    }

    @Test
    void invalidUtf8IsRefusedWithFileAndLine() throws IOException {
        byte[] bytes = "data: {type: csv}\nname: caf\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write(bytes);
        assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: not UTF-8 text (byte 0xff)");
    }

    @Test
    void aListLongerThanTheBoundIsRefused() throws IOException {
        Path file = write("a: [" + "1,".repeat(ConfigTree.MAX_VALUES) + "]\n");
        assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("a: holds more than 100000 values (counting each use of a YAML alias); a config needs far"
                        + " fewer");
    }

    @Test
    void aDeeplyNestedSetValueIsRefusedNotThrown() throws IOException {
        Path file = write("data: {type: csv}\n");
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThatThrownBy(() -> loader.read(file, List.of("x=" + deep)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("x: --set value " + deep.substring(0, 10));
    }
}
