package dev.m6rec.runtime.server;

/** {@code GET /metrics}: the Prometheus text exposition of {@link ServerMetrics}. */
final class MetricsEndpoint {
    private final ServerMetrics metrics;

    MetricsEndpoint(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    ApiResponse get(ApiRequest request) {
        return ApiResponse.text(ApiResponse.PROMETHEUS_TEXT, metrics.render());
    }
}
