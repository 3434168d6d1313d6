package dev.m6rec.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The JavaScript a report inlines, read once from core's classes: vega, vega-lite and vega-embed
 * (put there by the build from the npm registry, see {@code src/main/vega/fetch.sh}), and the
 * report's own two small scripts. Inlined rather than linked so that a report opens offline and
 * keeps working when moved.
 */
final class ChartLibraries {
    /** In load order: vega-lite needs vega, vega-embed both. */
    private static final List<String> LIBRARIES = List.of("js/vega.min.js", "js/vega-lite.min.js", "js/vega-embed.min.js");

    private static volatile String libraries;

    private ChartLibraries() {
    }

    /** The three libraries, each in its own {@code <script>} element. */
    static String scripts() {
        String text = libraries;
        if (text == null) {
            StringBuilder out = new StringBuilder();
            for (String name : LIBRARIES) {
                out.append("<script>\n").append(resource(name)).append("\n</script>\n");
            }
            libraries = text = out.toString();
        }
        return text;
    }

    /** A resource of this package as text; a script must not be able to close its own element. */
    static String resource(String name) {
        try (InputStream in = ChartLibraries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dev/m6rec/core/report/" + name + " is missing from core's classes;"
                        + " the build fetches it (core/src/main/vega/fetch.sh)");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("<!--")) {
                throw new IllegalStateException(name + " holds </script or <!--, which would end its inline element");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
