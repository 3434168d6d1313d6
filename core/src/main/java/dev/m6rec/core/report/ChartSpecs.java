package dev.m6rec.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The report's charts as Vega-Lite specs, built as Jackson trees (never by joining strings, so any
 * title or label is quoted correctly). Why Vega-Lite rather than drawing PNGs with the JDK: a spec
 * says what to plot and Vega-Lite does the axes (ticks at the measured K values), legends and
 * tooltips; the page stays one offline file with the libraries inlined, and a reader can hover any
 * point for its value. Lines that coincide (hr and recall under leave-one-out) stay distinguishable:
 * each series has its own colour, dash pattern and point shape.
 */
final class ChartSpecs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int WIDTH = 420;
    private static final int HEIGHT = 240;

    private ChartSpecs() {
    }

    /**
     * Lines over a numeric x with a point at every measurement; {@code xTicks} (may be empty) puts
     * the x axis's ticks at exactly those values, on a log scale (K = 1, 5, 10, 20, 50 apart).
     */
    static ObjectNode lines(String title, String xTitle, String yTitle, String legendTitle, List<ChartPoint> points,
                            double[] xTicks) {
        ObjectNode spec = base(title, points);
        ObjectNode encoding = spec.putObject("encoding");
        ObjectNode x = field(encoding, "x", "x", "quantitative", xTitle);
        ObjectNode xAxis = x.putObject("axis");
        ObjectNode xScale = x.putObject("scale").put("zero", false).put("nice", false);
        if (xTicks.length > 0) {
            ArrayNode values = xAxis.putArray("values");
            for (double tick : xTicks) {
                values.add(tick);
            }
            xScale.put("type", "log");
        } else {
            xAxis.put("tickMinStep", 1);
        }
        field(encoding, "y", "y", "quantitative", yTitle).putObject("scale").put("zero", false);
        seriesEncoding(encoding, legendTitle, "color");
        tooltip(encoding, "quantitative", xTitle, yTitle, legendTitle);
        ArrayNode layer = spec.putArray("layer");
        ObjectNode line = layer.addObject();
        line.putObject("mark").put("type", "line").put("strokeWidth", 2);
        seriesEncoding(line.putObject("encoding"), legendTitle, "strokeDash");
        ObjectNode point = layer.addObject();
        point.putObject("mark").put("type", "point").put("filled", true).put("size", 70);
        seriesEncoding(point.putObject("encoding"), legendTitle, "shape");
        return spec;
    }

    /** Bars per category on x (in the order given), one bar per series side by side. */
    static ObjectNode groupedBars(String title, String xTitle, String yTitle, String legendTitle,
                                  List<ChartPoint> points) {
        ObjectNode spec = base(title, points);
        spec.putObject("mark").put("type", "bar").put("tooltip", true);
        ObjectNode encoding = spec.putObject("encoding");
        ArrayNode order = JSON.arrayNode();
        points.stream().map(p -> String.valueOf(p.x())).distinct().forEach(order::add);
        field(encoding, "x", "x", "nominal", xTitle).set("sort", order);
        encoding.withObjectProperty("x").putObject("axis").put("labelAngle", 0);
        field(encoding, "y", "y", "quantitative", yTitle);
        field(encoding, "xOffset", "series", "nominal", legendTitle);
        seriesEncoding(encoding, legendTitle, "color");
        tooltip(encoding, "nominal", xTitle, yTitle, legendTitle);
        return spec;
    }

    /** A point per measurement: x numeric or, when {@code categoricalX}, a category. */
    static ObjectNode points(String title, String xTitle, boolean categoricalX, String yTitle, String legendTitle,
                             List<ChartPoint> points) {
        ObjectNode spec = base(title, points);
        spec.putObject("mark").put("type", "point").put("filled", true).put("size", 60);
        ObjectNode encoding = spec.putObject("encoding");
        ObjectNode x = field(encoding, "x", "x", categoricalX ? "nominal" : "quantitative", xTitle);
        if (categoricalX) {
            x.putObject("axis").put("labelAngle", 0);
        } else {
            x.putObject("scale").put("zero", false);
        }
        field(encoding, "y", "y", "quantitative", yTitle).putObject("scale").put("zero", false);
        seriesEncoding(encoding, legendTitle, "color");
        tooltip(encoding, categoricalX ? "nominal" : "quantitative", xTitle, yTitle, legendTitle);
        return spec;
    }

    private static ObjectNode base(String title, List<ChartPoint> points) {
        ObjectNode spec = JSON.objectNode();
        spec.put("$schema", "https://vega.github.io/schema/vega-lite/v6.json");
        spec.putObject("title").put("text", title).put("anchor", "start");
        spec.put("width", WIDTH).put("height", HEIGHT);
        ArrayNode values = spec.putObject("data").putArray("values");
        for (ChartPoint p : points) {
            if (!Double.isFinite(p.y())) {
                continue;
            }
            ObjectNode row = values.addObject().put("series", p.series());
            if (p.x() instanceof Number n) {
                row.put("x", n.doubleValue());
            } else {
                row.put("x", String.valueOf(p.x()));
            }
            row.put("y", p.y());
        }
        // One series needs no legend: its name is in the title.
        boolean oneSeries = points.stream().map(ChartPoint::series).distinct().count() <= 1;
        spec.putObject("config").putObject("legend").put("orient", "bottom").put("labelLimit", 400)
                .put("disable", oneSeries);
        return spec;
    }

    private static ObjectNode field(ObjectNode encoding, String channel, String field, String type, String title) {
        return encoding.putObject(channel).put("field", field).put("type", type).put("title", title);
    }

    /** Every series channel shares field and title, so that Vega-Lite merges them into one legend. */
    private static void seriesEncoding(ObjectNode encoding, String legendTitle, String channel) {
        field(encoding, channel, "series", "nominal", legendTitle);
    }

    private static void tooltip(ObjectNode encoding, String xType, String xTitle, String yTitle, String legendTitle) {
        ArrayNode tooltip = encoding.putArray("tooltip");
        tooltip.addObject().put("field", "series").put("type", "nominal").put("title", legendTitle);
        tooltip.addObject().put("field", "x").put("type", xType).put("title", xTitle);
        tooltip.addObject().put("field", "y").put("type", "quantitative").put("title", yTitle).put("format", ".4f");
    }
}
