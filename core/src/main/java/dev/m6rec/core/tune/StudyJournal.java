package dev.m6rec.core.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.api.DataException;
import dev.m6rec.api.optimize.TrialResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The study's journal: one JSON line per finished trial, appended and forced to disk as the
 * trial ends, so a study killed at any moment (even {@code kill -9}) resumes from it without
 * repeating finished trials. A torn last line (the process died mid-write) is ignored; a corrupt
 * line elsewhere is an error naming file and line.
 */
public final class StudyJournal {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    public StudyJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Every finished trial recorded so far, in journal order. */
    public List<TrialRecord> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<TrialRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(parse(MAPPER.readTree(line)));
            } catch (IOException | RuntimeException e) {
                if (i == lines.size() - 1) {
                    break; // torn final write of a killed study
                }
                throw new DataException(file, i + 1, "not a trial record (" + e.getMessage() + ")");
            }
        }
        return records;
    }

    /** Appends one record and forces it to disk before returning. */
    public synchronized void append(TrialRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", record.number());
        node.set("params", MAPPER.valueToTree(record.params()));
        node.put("state", record.state().name());
        if (Double.isFinite(record.value())) {
            node.put("value", record.value());
        } else {
            node.putNull("value");
        }
        node.set("intermediate", MAPPER.valueToTree(record.intermediate()));
        node.put("seconds", record.seconds());
        if (record.error() != null) {
            node.put("error", record.error());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] line = (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private static TrialRecord parse(JsonNode node) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.get("params").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            params.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber() ? (Object) v.asDouble()
                    : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
        }
        List<Double> intermediate = new ArrayList<>();
        node.path("intermediate").forEach(v -> intermediate.add(v.isNull() ? Double.NaN : v.asDouble()));
        JsonNode value = node.get("value");
        return new TrialRecord(node.get("number").asInt(), params, TrialResult.State.valueOf(node.get("state").asText()),
                value == null || value.isNull() ? Double.NaN : value.asDouble(), intermediate,
                node.path("seconds").asDouble(), node.hasNonNull("error") ? node.get("error").asText() : null);
    }
}
