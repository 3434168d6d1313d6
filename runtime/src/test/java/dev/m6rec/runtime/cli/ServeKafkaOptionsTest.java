package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code m6rec serve --events kafka}: every wrong combination is a user error (exit 2, one line), before loading. */
class ServeKafkaOptionsTest {
    @TempDir
    Path dir;

    private CliRunner serve(String... extra) {
        List<String> args = new ArrayList<>(List.of("serve", "--artifact", dir.resolve("no-artifact").toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private void assertUserError(CliRunner result, String message) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void kafkaNeedsTheEventLogSoThatRedeliveriesCountOnce() {
        assertUserError(serve("--events", "kafka", "--kafka-bootstrap", "127.0.0.1:9092", "--kafka-topic", "t"),
                "--events kafka needs --events-log: without the log a redelivered event would count twice");
    }

    @Test
    void kafkaNeedsBrokersAndATopic() {
        String log = dir.resolve("events").toString();
        assertUserError(serve("--events", "kafka", "--events-log", log, "--kafka-topic", "t"),
                "--events kafka needs --kafka-bootstrap");
        assertUserError(serve("--events", "kafka", "--events-log", log, "--kafka-bootstrap", "127.0.0.1:9092"),
                "--events kafka needs --kafka-topic");
    }

    @Test
    void anUnknownSourceFormatOrBatchIsRefused() {
        String log = dir.resolve("events").toString();
        assertUserError(serve("--events", "pulsar"), "--events must be 'kafka' (was 'pulsar')");
        assertUserError(serve("--events", "kafka", "--events-log", log, "--kafka-bootstrap", "127.0.0.1:9092",
                "--kafka-topic", "t", "--kafka-format", "avro"), "--kafka-format must be json or csv (was 'avro')");
        assertUserError(serve("--events", "kafka", "--events-log", log, "--kafka-bootstrap", "127.0.0.1:9092",
                "--kafka-topic", "t", "--kafka-max-batch", "0"), "--kafka-max-batch must be >= 1 (was 0)");
    }

    @Test
    void kafkaOptionsWithoutTheKafkaSourceAreRefused() {
        assertUserError(serve("--kafka-topic", "t"), "--kafka-* options need --events kafka");
    }
}
