package dev.m6rec.runtime.server;

import dev.m6rec.runtime.M6Rec;

/** {@code GET /health}: up, which model version serves, events recorded, uptime. */
final class HealthEndpoint {
    private final M6Rec rec;
    private final long startedNanos = System.nanoTime();

    /** The answer. */
    record HealthJson(String status, String version, long eventsRecorded, long uptimeSeconds) {
    }

    HealthEndpoint(M6Rec rec) {
        this.rec = rec;
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(new HealthJson("ok", rec.version(), rec.eventsRecorded(),
                (System.nanoTime() - startedNanos) / 1_000_000_000L));
    }
}
