package dev.m6rec.runtime.server;

import dev.m6rec.runtime.EventStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server's counters, rendered in the Prometheus text exposition format (version 0.0.4):
 * requests by endpoint and status, errors by endpoint and class, a latency histogram per
 * endpoint, reloads by outcome, events (accepted, persisted, replayed, dropped by reason, log
 * size, replay time, live events in memory against their cap), requests in flight, and the
 * serving model version as an info gauge.
 */
public final class ServerMetrics {
    private final ConcurrentHashMap<String, ConcurrentHashMap<Integer, LongAdder>> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final LongAdder reloadsOk = new LongAdder();
    private final LongAdder reloadsFailed = new LongAdder();
    private final Supplier<String> version;
    private final Supplier<EventStats> events;
    private final LongSupplier inFlight;

    ServerMetrics(Supplier<String> version, Supplier<EventStats> events, LongSupplier inFlight) {
        this.version = version;
        this.events = events;
        this.inFlight = inFlight;
    }

    void record(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        latency.computeIfAbsent(endpoint, e -> new LatencyHistogram()).record(nanos);
    }

    void reloaded(boolean ok) {
        (ok ? reloadsOk : reloadsFailed).increment();
    }

    /** Requests answered so far on {@code endpoint} with {@code status}. */
    public long requests(String endpoint, int status) {
        Map<Integer, LongAdder> byStatus = requests.get(endpoint);
        LongAdder n = byStatus == null ? null : byStatus.get(status);
        return n == null ? 0 : n.sum();
    }

    /** Reloads so far that succeeded ({@code true}) or failed. */
    public long reloads(boolean ok) {
        return (ok ? reloadsOk : reloadsFailed).sum();
    }

    /** The exposition text. */
    public String render() {
        StringBuilder out = new StringBuilder(4096);
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        requests.forEach((endpoint, byStatus) -> byStatus.forEach((status, n) ->
                counts.computeIfAbsent(endpoint, e -> new TreeMap<>()).put(status, n.sum())));

        header(out, "m6rec_http_requests_total", "counter", "HTTP requests answered, by endpoint and status.");
        counts.forEach((endpoint, byStatus) -> byStatus.forEach((status, n) ->
                sample(out, "m6rec_http_requests_total", n, "endpoint", endpoint, "status", Integer.toString(status))));

        header(out, "m6rec_http_errors_total", "counter",
                "HTTP requests answered with an error, by endpoint and class (client = 4xx, server = 5xx).");
        counts.forEach((endpoint, byStatus) -> {
            long client = 0;
            long server = 0;
            for (Map.Entry<Integer, Long> e : byStatus.entrySet()) {
                if (e.getKey() >= 500) {
                    server += e.getValue();
                } else if (e.getKey() >= 400) {
                    client += e.getValue();
                }
            }
            sample(out, "m6rec_http_errors_total", client, "endpoint", endpoint, "class", "client");
            sample(out, "m6rec_http_errors_total", server, "endpoint", endpoint, "class", "server");
        });

        header(out, "m6rec_http_request_duration_seconds", "histogram", "Time to answer a request, by endpoint.");
        new TreeMap<>(latency).forEach((endpoint, histogram) -> {
            long[] cumulative = histogram.cumulative();
            for (int b = 0; b < LatencyHistogram.BOUNDS.length; b++) {
                sample(out, "m6rec_http_request_duration_seconds_bucket", cumulative[b], "endpoint", endpoint,
                        "le", LatencyHistogram.LABELS[b]);
            }
            long count = cumulative[cumulative.length - 1];
            sample(out, "m6rec_http_request_duration_seconds_bucket", count, "endpoint", endpoint, "le", "+Inf");
            out.append("m6rec_http_request_duration_seconds_sum{endpoint=\"").append(escape(endpoint)).append("\"} ")
                    .append(histogram.sum()).append('\n');
            sample(out, "m6rec_http_request_duration_seconds_count", count, "endpoint", endpoint);
        });

        header(out, "m6rec_http_requests_in_flight", "gauge", "Requests being answered now.");
        sample(out, "m6rec_http_requests_in_flight", inFlight.getAsLong());

        header(out, "m6rec_reloads_total", "counter", "Artifact reloads, by result.");
        sample(out, "m6rec_reloads_total", reloadsOk.sum(), "result", "ok");
        sample(out, "m6rec_reloads_total", reloadsFailed.sum(), "result", "failed");

        events(out, events.get());

        header(out, "m6rec_model_info", "gauge", "The serving model; its version is the label, the value is always 1.");
        sample(out, "m6rec_model_info", 1, "version", version.get());
        return out.toString();
    }

    private static void events(StringBuilder out, EventStats e) {
        header(out, "m6rec_events_recorded_total", "counter", "Behaviour events recorded since start.");
        sample(out, "m6rec_events_recorded_total", e.accepted());
        header(out, "m6rec_events_accepted_total", "counter",
                "Events accepted since start (new ones; duplicates by id are counted as dropped).");
        sample(out, "m6rec_events_accepted_total", e.accepted());
        header(out, "m6rec_events_persisted_total", "counter", "Events fsynced to the event log since start.");
        sample(out, "m6rec_events_persisted_total", e.persisted());
        header(out, "m6rec_events_replayed_total", "counter", "Events replayed from the event log on start and reloads.");
        sample(out, "m6rec_events_replayed_total", e.replayed());
        header(out, "m6rec_events_dropped_total", "counter", "Events not recorded (duplicate id, torn record cut off "
                + "the log at start, a stream's malformed message) or dropped from memory only, still in the log (per-user limit, memory cap).");
        sample(out, "m6rec_events_dropped_total", e.duplicates(), "reason", "duplicate");
        sample(out, "m6rec_events_dropped_total", e.tornDropped(), "reason", "torn-record");
        sample(out, "m6rec_events_dropped_total", e.trimmed(), "reason", "per-user-limit");
        sample(out, "m6rec_events_dropped_total", e.evicted(), "reason", "memory-cap");
        sample(out, "m6rec_events_dropped_total", e.malformed(), "reason", "malformed");
        header(out, "m6rec_event_log_bytes", "gauge", "Bytes in the event log's segment files.");
        sample(out, "m6rec_event_log_bytes", e.logBytes());
        header(out, "m6rec_event_replay_seconds", "gauge", "How long the last replay of the event log took.");
        out.append("m6rec_event_replay_seconds ").append(e.replaySeconds()).append('\n');
        header(out, "m6rec_live_events", "gauge", "Live events held in memory across users.");
        sample(out, "m6rec_live_events", e.held());
        header(out, "m6rec_live_events_cap", "gauge", "The cap on live events held in memory across users.");
        sample(out, "m6rec_live_events_cap", e.totalCap());
        header(out, "m6rec_live_users", "gauge", "Users with live events in memory.");
        sample(out, "m6rec_live_users", e.users());
        header(out, "m6rec_live_users_evicted_total", "counter",
                "Users whose live events the memory cap evicted (least recently active first).");
        sample(out, "m6rec_live_users_evicted_total", e.evictedUsers());
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, long value, String... labels) {
        out.append(name);
        if (labels.length > 0) {
            out.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
