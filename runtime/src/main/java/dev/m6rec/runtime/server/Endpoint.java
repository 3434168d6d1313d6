package dev.m6rec.runtime.server;

/** Answers one method on one path. Throws {@link ApiException} (or an M6-Rec user error) to refuse. */
@FunctionalInterface
interface Endpoint {
    ApiResponse handle(ApiRequest request);
}
