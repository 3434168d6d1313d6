package dev.m6rec.runtime.server;

import dev.m6rec.runtime.M6Rec;

/**
 * {@code GET /health}: up, which model version serves (its content tag only: the artifact's path
 * is not shown to unauthenticated callers), events recorded, uptime.
 */
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
        return ApiResponse.ok(new HealthJson("ok", publicVersion(rec.version()), rec.eventsRecorded(),
                (System.nanoTime() - startedNanos) / 1_000_000_000L));
    }

    /** A serving version without the artifact path: {@code /srv/a@123} becomes {@code 123}, {@code trained} stays. */
    static String publicVersion(String version) {
        int at = version.lastIndexOf('@');
        return at < 0 ? version : version.substring(at + 1);
    }
}
