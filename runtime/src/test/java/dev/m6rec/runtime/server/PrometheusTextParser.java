package dev.m6rec.runtime.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, for tests: every line must be
 * a HELP or TYPE comment or a well-formed sample; a family's TYPE precedes its samples, which are
 * contiguous; histograms have cumulative buckets ending in {@code +Inf} equal to {@code _count}.
 * Throws {@link IllegalArgumentException} naming the line on any violation.
 */
final class PrometheusTextParser {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusTextParser() {
    }

    static List<Sample> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Set<String> finished = new HashSet<>();
        String current = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String at = "line " + lineNo + " '" + line + "': ";
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    require(NAME.matcher(parts[2]).matches(), at + "bad metric name");
                    if (parts[1].equals("TYPE")) {
                        require(parts.length == 4 && TYPES.contains(parts[3]), at + "bad type");
                        require(!types.containsKey(parts[2]), at + "second TYPE for " + parts[2]);
                        require(!finished.contains(parts[2]), at + "TYPE after samples of " + parts[2]);
                        types.put(parts[2], parts[3]);
                    }
                }
                continue;
            }
            Sample sample = sample(line, at);
            String family = familyOf(sample.name(), types);
            if (!family.equals(current)) {
                require(!finished.contains(family), at + "samples of " + family + " are not contiguous");
                if (current != null) {
                    finished.add(current);
                }
                current = family;
            }
            samples.add(sample);
        }
        checkHistograms(samples, types);
        return samples;
    }

    private static Sample sample(String line, String at) {
        int brace = line.indexOf('{');
        int space;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (brace >= 0 && brace < line.indexOf(' ')) {
            name = line.substring(0, brace);
            int close = line.lastIndexOf('}');
            require(close > brace, at + "unclosed labels");
            String body = line.substring(brace + 1, close);
            Matcher m = LABEL.matcher(body);
            int pos = 0;
            while (pos < body.length()) {
                require(m.find(pos) && m.start() == pos, at + "bad label at " + body.substring(pos));
                require(labels.put(m.group(1), unescape(m.group(2))) == null, at + "repeated label " + m.group(1));
                pos = m.end();
                if (pos < body.length()) {
                    require(body.charAt(pos) == ',', at + "labels must be separated by commas");
                    pos++;
                }
            }
            space = close + 1;
            require(space < line.length() && line.charAt(space) == ' ', at + "no space before the value");
        } else {
            space = line.indexOf(' ');
            require(space > 0, at + "no value");
            name = line.substring(0, space);
        }
        require(NAME.matcher(name).matches(), at + "bad metric name");
        String[] rest = line.substring(space + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, at + "expected a value and an optional timestamp");
        return new Sample(name, labels, value(rest[0], at));
    }

    private static double value(String text, String at) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                require(text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?"), at + "bad value " + text);
                return Double.parseDouble(text);
        }
    }

    private static String familyOf(String name, Map<String, String> types) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base))) {
                    return base;
                }
            }
        }
        return name;
    }

    private static void checkHistograms(List<Sample> samples, Map<String, String> types) {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
            Map<Map<String, String>, Double> counts = new HashMap<>();
            for (Sample s : samples) {
                Map<String, String> series = new HashMap<>(s.labels());
                series.remove("le");
                if (s.name().equals(family + "_bucket")) {
                    require(s.labels().containsKey("le"), family + ": bucket without le");
                    bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
                } else if (s.name().equals(family + "_count")) {
                    counts.put(series, s.value());
                }
            }
            bySeries.forEach((series, buckets) -> {
                double previousBound = Double.NEGATIVE_INFINITY;
                double previousCount = 0;
                for (Sample b : buckets) {
                    double bound = value(b.labels().get("le"), family + " le: ");
                    require(bound > previousBound, family + " " + series + ": buckets out of order");
                    require(b.value() >= previousCount, family + " " + series + ": bucket counts decrease");
                    previousBound = bound;
                    previousCount = b.value();
                }
                require(previousBound == Double.POSITIVE_INFINITY, family + " " + series + ": no +Inf bucket");
                require(counts.containsKey(series) && counts.get(series) == previousCount,
                        family + " " + series + ": +Inf bucket differs from _count");
            });
        });
    }

    private static String unescape(String value) {
        return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
