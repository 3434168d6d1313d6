package dev.m6rec.runtime.kafka;

import java.util.Objects;

/**
 * Where a {@link KafkaEventSource} reads events from.
 *
 * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
 * @param topic            the topic of events
 * @param groupId          the consumer group; its committed offsets say where a restarted source resumes
 * @param format           how each message's value is written
 * @param deadLetterTopic  the topic malformed messages are copied to (unchanged), or null to count and log them only
 * @param maxBatch         most messages recorded (and committed) together
 */
public record KafkaSourceSettings(String bootstrapServers, String topic, String groupId, MessageFormat format,
                                  String deadLetterTopic, int maxBatch) {
    public KafkaSourceSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers is null");
        Objects.requireNonNull(topic, "topic is null");
        Objects.requireNonNull(groupId, "groupId is null");
        Objects.requireNonNull(format, "format is null");
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1 (was " + maxBatch + ")");
        }
    }
}
