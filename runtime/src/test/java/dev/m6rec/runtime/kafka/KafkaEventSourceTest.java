package dev.m6rec.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.runtime.EventSettings;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.RecordedEvent;
import dev.m6rec.runtime.TinyPipelines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, part 3: a real KRaft broker in this JVM; events applied exactly once across a consumer killed mid-batch. */
class KafkaEventSourceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path shared;
    private static Path artifact;
    private static KafkaClusterTestKit cluster;

    @TempDir
    Path dir;

    /** Thrown by the commit seam to stop the source the way a kill would: recorded, not committed. */
    private static final class SimulatedKill extends Error {
        SimulatedKill() {
            super("killed before the commit", null, false, false);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        artifact = TinyPipelines.artifact(shared, "knn", TinyPipelines.ITEM_KNN);
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).setBaseDirectory(shared.resolve("kafka")).build();
        // One broker: the group coordinator's offsets topic cannot have the default three replicas.
        cluster = new KafkaClusterTestKit.Builder(nodes)
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyEventIsAppliedExactlyOnceAcrossAConsumerKilledBeforeItsCommit() throws Exception {
        createTopic("clicks", 2);
        try (M6Rec rec = M6Rec.load(artifact, List.of(), EventSettings.defaults().withLog(dir.resolve("events")),
                ProgressReporter.silent())) {
            List<String> items = rec.items();
            List<String> messages = new ArrayList<>();
            int n = 240;
            for (int i = 0; i < n; i++) {
                String item = items.get((7 * i) % items.size());
                // Half carry an id; the others get topic-partition-offset, which a redelivery repeats.
                messages.add(i % 2 == 0
                        ? "{\"id\": \"e-" + i + "\", \"user\": \"u" + (i % 5) + "\", \"item\": \"" + item + "\"}"
                        : "{\"user\": \"u" + (i % 5) + "\", \"item\": \"" + item + "\", \"rating\": 4, \"timestamp\": " + i + "}");
                if (i == 100) {
                    messages.add("{\"user\": \"u1\", \"item\": ");
                }
            }
            produce("clicks", messages);
            KafkaSourceSettings settings = new KafkaSourceSettings(cluster.bootstrapServers(), "clicks", "m6rec",
                    MessageFormat.JSON, null, 20);

            List<RecordedEvent> recorded = Collections.synchronizedList(new ArrayList<>());
            List<RecordedEvent> killedBatch = new ArrayList<>();
            AtomicInteger batches = new AtomicInteger();
            KafkaEventSource first = KafkaEventSource.start(rec, settings, ProgressReporter.silent(), batch -> {
                recorded.addAll(batch);
                if (!batch.isEmpty() && batches.incrementAndGet() == 3) {
                    killedBatch.addAll(batch);
                    throw new SimulatedKill();
                }
            });
            await(first::stopped, "the first source to die at its third batch");
            assertThat(rec.eventStats().accepted()).as("stopped mid-stream").isLessThan(n);

            try (KafkaEventSource second = KafkaEventSource.start(rec, settings, ProgressReporter.silent(),
                    recorded::addAll)) {
                await(() -> rec.eventStats().accepted() == n && rec.eventStats().malformed() == 1,
                        "all " + n + " events and the malformed message");
                assertThat(second.stopped()).isFalse();
            }
            assertThat(committed("m6rec")).as("close committed every message, the malformed one too")
                    .isEqualTo(messages.size());
            assertThat(killedBatch).isNotEmpty();
            assertThat(rec.eventStats().duplicates()).as("the batch recorded but not committed came again, once")
                    .isEqualTo(killedBatch.size());
            assertThat(rec.eventStats().persisted()).isEqualTo(n);
            Set<String> ids = new HashSet<>();
            for (RecordedEvent e : recorded) {
                if (!e.duplicate()) {
                    assertThat(ids.add(e.id())).as("recorded once: " + e.id()).isTrue();
                }
            }
            assertThat(ids).hasSize(n).contains("e-0", "e-238").anyMatch(id -> id.startsWith("clicks-"));
            int live = 0;
            for (int u = 0; u < 5; u++) {
                live += rec.liveEvents("u" + u);
            }
            assertThat(live).isEqualTo(n);
        }
        try (M6Rec restarted = M6Rec.load(artifact, List.of(),
                EventSettings.defaults().withLog(dir.resolve("events")), ProgressReporter.silent())) {
            assertThat(restarted.eventStats().replayed()).as("the log holds each event once").isEqualTo(240);
        }
    }

    @Test
    void csvMalformedAndUnknownItemMessagesAreCountedCopiedToTheDeadLetterTopicAndSkipped() throws Exception {
        createTopic("csv-clicks", 1);
        createTopic("csv-dead", 1);
        try (M6Rec rec = M6Rec.load(artifact, List.of(), EventSettings.defaults().withLog(dir.resolve("events")),
                ProgressReporter.silent())) {
            String item = rec.items().get(0);
            produce("csv-clicks", List.of("u1," + item + ",4.5,1700000000,c-1", "u1,only-two-fields-are-fine-but,x",
                    "u2," + item, "u3,no-such-item", "u2," + item + ",,,c-1"));
            List<String> logged = Collections.synchronizedList(new ArrayList<>());
            ProgressReporter log = new ProgressReporter() {
                @Override
                public dev.m6rec.api.ProgressTask begin(String name, long total) {
                    return ProgressReporter.silent().begin(name, total);
                }

                @Override
                public void info(String message) {
                    logged.add(message);
                }
            };
            try (KafkaEventSource source = KafkaEventSource.start(rec,
                    new KafkaSourceSettings(cluster.bootstrapServers(), "csv-clicks", "g", MessageFormat.CSV,
                            "csv-dead", 500), log)) {
                await(() -> rec.eventStats().malformed() == 2 && rec.eventStats().accepted() == 2
                        && rec.eventStats().duplicates() == 1, "two events, two malformed, one duplicate id");
                assertThat(source.stopped()).as("malformed messages do not stop the source").isFalse();
            }
            assertThat(rec.liveEvents("u1")).isEqualTo(1);
            assertThat(rec.liveEvents("u3")).isZero();
            assertThat(logged).first().asString().startsWith("kafka csv-clicks: skipped malformed message csv-clicks-0-1: "
                    + "rating: not a number (was 'x')");
            Map<String, String> dead = deadLetters("csv-dead", 2);
            assertThat(dead).containsEntry("u1,only-two-fields-are-fine-but,x", "rating: not a number (was 'x')")
                    .containsEntry("u3,no-such-item", "unknown item 'no-such-item'");
        }
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** The group's committed offsets, summed over partitions: how many messages it is done with. */
    private static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS)
                    .values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static void produce(String topic, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < values.size(); i++) {
                // Keyed by position, so the messages spread over the partitions.
                producer.send(new ProducerRecord<>(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8),
                        values.get(i).getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The first {@code count} dead letters: value to the error header. */
    private static Map<String, String> deadLetters(String topic, int count) throws InterruptedException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.put(new String(r.value(), StandardCharsets.UTF_8),
                            new String(r.headers().lastHeader("m6rec-error").value(), StandardCharsets.UTF_8));
                }
                return out.size() >= count;
            }, count + " dead letters");
        }
        return out;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PATIENCE + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
