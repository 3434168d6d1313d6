package dev.m6rec.runtime.kafka;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.runtime.Event;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A consumer group member that records a topic's events into an {@link M6Rec}, on its own thread.
 * Each poll's messages become one {@link M6Rec#recordAll} call, and the offsets are committed only
 * after it returned, that is once the events are in the durable log: a source killed in between
 * gets the batch again (at-least-once), and the log skips the ids it already holds, so each event
 * is applied exactly once. An event's id is the message's {@code id}, else
 * {@code topic-partition-offset}, which a redelivery repeats. A malformed message (or one for an
 * unknown item) is counted ({@link M6Rec#countMalformed}), logged at most once a second, copied to
 * the dead-letter topic when there is one, and skipped; it never stops the source. When recording
 * fails (the log cannot be written), the batch is read again after a pause and nothing is committed.
 */
public final class KafkaEventSource implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_PAUSE_MILLIS = 1_000;
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final M6Rec rec;
    private final KafkaSourceSettings settings;
    private final ProgressReporter log;
    /** Called after a batch is recorded and before its offsets are committed: a seam for crash tests. */
    private final Consumer<List<RecordedEvent>> beforeCommit;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private long lastLogNanos;
    private long unlogged;

    private KafkaEventSource(M6Rec rec, KafkaSourceSettings settings, ProgressReporter log,
                             Consumer<List<RecordedEvent>> beforeCommit) {
        this.rec = Objects.requireNonNull(rec, "rec is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.log = Objects.requireNonNull(log, "log is null");
        this.beforeCommit = beforeCommit;
        this.consumer = new KafkaConsumer<>(consumerProperties(settings));
        this.deadLetters = settings.deadLetterTopic() == null ? null : new KafkaProducer<>(producerProperties(settings));
        this.thread = new Thread(this::run, "m6rec-kafka-" + settings.topic());
        this.lastLogNanos = System.nanoTime() - LOG_INTERVAL_NANOS;
    }

    /** Starts consuming {@code settings.topic()} into {@code rec}; messages go to {@code log}. */
    public static KafkaEventSource start(M6Rec rec, KafkaSourceSettings settings, ProgressReporter log) {
        return start(rec, settings, log, recorded -> { });
    }

    static KafkaEventSource start(M6Rec rec, KafkaSourceSettings settings, ProgressReporter log,
                                  Consumer<List<RecordedEvent>> beforeCommit) {
        KafkaEventSource source = new KafkaEventSource(rec, settings, log, beforeCommit);
        source.thread.start();
        return source;
    }

    private static Properties consumerProperties(KafkaSourceSettings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        // Offsets are committed by hand, after the events are durable.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group reads the topic from its start: events sent before the first server started count too.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(s.maxBatch()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private static Properties producerProperties(KafkaSourceSettings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.topic()));
            while (stopping.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    consumeBatch(records);
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: stop.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Closing commits nothing (auto-commit is off): what was not committed is read again.
            consumer.close(Duration.ofSeconds(5));
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(5));
            }
        }
    }

    private void consumeBatch(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<Event> events = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
            next.put(tp, new OffsetAndMetadata(r.offset() + 1));
            String fallbackId = r.topic() + "-" + r.partition() + "-" + r.offset();
            try {
                Event e = settings.format().parse(r.value(), Math.max(0, r.timestamp()) / 1000, fallbackId);
                if (!rec.knowsItem(e.item())) {
                    throw new MalformedMessageException("unknown item '" + e.item() + "'");
                }
                events.add(e);
            } catch (MalformedMessageException e) {
                malformed(r, fallbackId, e.getMessage());
            }
        }
        try {
            List<RecordedEvent> recorded = events.isEmpty() ? List.of() : rec.recordAll(events);
            if (deadLetters != null) {
                deadLetters.flush();
            }
            beforeCommit.accept(recorded);
            consumer.commitSync(next);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // Nothing of this batch is committed: read it again (the log skips what it already holds).
            log.info("kafka " + settings.topic() + ": recording failed, retrying the batch: " + e);
            // After a rebalance (a failed commit) a partition may be someone else's now: it redelivers there.
            Set<TopicPartition> mine = consumer.assignment();
            first.forEach((tp, offset) -> {
                if (mine.contains(tp)) {
                    consumer.seek(tp, offset);
                }
            });
            stopping.await(RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void malformed(ConsumerRecord<byte[], byte[]> r, String at, String why) {
        rec.countMalformed();
        if (deadLetters != null) {
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(settings.deadLetterTopic(), null, r.key(), r.value(),
                    r.headers());
            copy.headers().add("m6rec-error", why.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            copy.headers().add("m6rec-source", at.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            deadLetters.send(copy);
        }
        // A flood of bad messages must not flood the log: one line a second, with the count skipped since.
        long now = System.nanoTime();
        if (now - lastLogNanos < LOG_INTERVAL_NANOS) {
            unlogged++;
            return;
        }
        log.info("kafka " + settings.topic() + ": skipped malformed message " + at + ": " + why
                + (unlogged == 0 ? "" : " (and " + unlogged + " more not logged)"));
        lastLogNanos = now;
        unlogged = 0;
    }

    /** Whether the consuming thread ended (closed, or died). */
    public boolean stopped() {
        return !thread.isAlive();
    }

    /**
     * Stops consuming; waits for the batch in hand to be recorded and committed (a poll ends within
     * 200 ms), then leaves the group. A commit stuck on an unreachable broker is woken up after 30 s;
     * that batch is then read again by the next member, and its ids make that harmless.
     */
    @Override
    public void close() {
        stopping.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            if (thread.isAlive()) {
                consumer.wakeup();
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
