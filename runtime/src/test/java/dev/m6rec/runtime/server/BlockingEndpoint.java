package dev.m6rec.runtime.server;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A test endpoint that signals {@link #entered} and blocks until {@link #release} (at most 30 s), then answers {@code {key: value}}. */
final class BlockingEndpoint implements Endpoint {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> answer;

    BlockingEndpoint(String key, String value) {
        this.answer = Map.of(key, value);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        entered.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ApiResponse.ok(answer);
    }
}
