package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import dev.m6rec.runtime.kafka.KafkaSourceSettings;
import dev.m6rec.runtime.kafka.MessageFormat;
import picocli.CommandLine.Option;

/** {@code m6rec serve --events kafka}: a consumer group that records a topic's events (see KafkaEventSource). */
final class KafkaOptions {
    @Option(names = "--events", paramLabel = "SOURCE",
            description = {"Also record events from a stream: 'kafka' (needs --events-log, --kafka-bootstrap and",
                "--kafka-topic). Offsets are committed once the events are fsynced; ids make redeliveries harmless."})
    String source;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT[,...]", description = "The Kafka brokers.")
    String bootstrap;

    @Option(names = "--kafka-topic", paramLabel = "TOPIC", description = "The topic of events.")
    String topic;

    @Option(names = "--kafka-group", paramLabel = "ID", defaultValue = "m6rec",
            description = "The consumer group; its committed offsets are where a restart resumes (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--kafka-format", paramLabel = "json|csv", defaultValue = "json",
            description = {"How messages hold an event: json, the fields of POST /v1/events, or csv,",
                "user,item[,rating[,timestamp[,id]]] (default: ${DEFAULT-VALUE})."})
    String format;

    @Option(names = "--kafka-dead-letter-topic", paramLabel = "TOPIC",
            description = "Copy malformed messages here (they are always counted and skipped).")
    String deadLetterTopic;

    @Option(names = "--kafka-max-batch", paramLabel = "N", defaultValue = "500",
            description = "Most messages recorded and committed together (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    /** The Kafka source these options describe, or null when there is none; a bad value is a user error (exit 2). */
    KafkaSourceSettings settings(boolean hasEventLog) {
        if (source == null) {
            if (bootstrap != null || topic != null || deadLetterTopic != null) {
                throw new M6RecException("--kafka-* options need --events kafka");
            }
            return null;
        }
        if (!source.equals("kafka")) {
            throw new M6RecException("--events must be 'kafka' (was '" + source + "')");
        }
        if (!hasEventLog) {
            throw new M6RecException("--events kafka needs --events-log: without the log a redelivered event would "
                    + "count twice");
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new M6RecException("--events kafka needs --kafka-bootstrap");
        }
        if (topic == null || topic.isBlank()) {
            throw new M6RecException("--events kafka needs --kafka-topic");
        }
        if (maxBatch < 1) {
            throw new M6RecException("--kafka-max-batch must be >= 1 (was " + maxBatch + ")");
        }
        MessageFormat messages = switch (format) {
            case "json" -> MessageFormat.JSON;
            case "csv" -> MessageFormat.CSV;
            default -> throw new M6RecException("--kafka-format must be json or csv (was '" + format + "')");
        };
        return new KafkaSourceSettings(bootstrap, topic, group, messages, deadLetterTopic, maxBatch);
    }
}
