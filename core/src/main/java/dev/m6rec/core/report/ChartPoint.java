package dev.m6rec.core.report;

import java.util.Objects;

/**
 * One point of a chart: the series it belongs to (a line, a bar colour), its x (a number or a
 * category) and its y. Points whose y is not finite are left out of the chart (JSON has no NaN).
 */
record ChartPoint(String series, Object x, double y) {
    ChartPoint {
        Objects.requireNonNull(series, "series is null");
        Objects.requireNonNull(x, "x is null");
    }
}
