package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of strings saved as UTF-8 text, one per line, each line terminated by a newline.
 * Backslash, newline and carriage return are escaped, so any token (a category that contains a
 * line break, an empty string) survives a round trip.
 *
 * <pre>{@code
 * StringListFile.write(out, "columns.txt", List.of("age", "gender=F"));
 * List<String> columns = StringListFile.read(in, "columns.txt");
 * }</pre>
 */
final class StringListFile {
    private StringListFile() {
    }

    static void write(ArtifactWriter out, String name, List<String> values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            escape(value, text);
            text.append('\n');
        }
        out.writeText(name, text.toString());
    }

    static List<String> read(ArtifactReader in, String name) {
        String text = in.readText(name);
        String where = in.location() + "/" + name;
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            throw new ArtifactException(where + ": truncated (last line has no newline)");
        }
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                values.add(current.toString());
                current.setLength(0);
                line++;
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new ArtifactException(where + ":" + line + ": dangling escape");
                }
                char next = text.charAt(++i);
                switch (next) {
                    case '\\' -> current.append('\\');
                    case 'n' -> current.append('\n');
                    case 'r' -> current.append('\r');
                    default -> throw new ArtifactException(where + ":" + line + ": unknown escape \\" + next);
                }
            } else {
                current.append(c);
            }
        }
        return values;
    }

    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
