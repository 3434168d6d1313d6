package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few named scalars of fitted state saved as {@code key=value} lines (values escaped as in
 * {@link StringListFile}), e.g. {@code field=genres} and {@code normalize=true}. Reading a key
 * that is missing or malformed is an {@link ArtifactException} naming the file.
 */
final class KeyValueFile {
    private final String where;
    private final Map<String, String> values;

    private KeyValueFile(String where, Map<String, String> values) {
        this.where = requireNonNull(where, "where is null");
        this.values = Map.copyOf(values);
    }

    static void write(ArtifactWriter out, String name, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        values.forEach((key, value) -> lines.add(key + "=" + value));
        StringListFile.write(out, name, lines);
    }

    static KeyValueFile read(ArtifactReader in, String name) {
        String where = in.location() + "/" + name;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = StringListFile.read(in, name);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ArtifactException(where + ":" + (i + 1) + ": expected key=value (was '" + line + "')");
            }
            values.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new KeyValueFile(where, values);
    }

    /** The file, for messages. */
    String where() {
        return where;
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ArtifactException(where + ": missing key '" + key + "'");
        }
        return value;
    }

    int getInt(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ArtifactException(where + ": " + key + " is not an integer (was '" + value + "')", e);
        }
    }

    boolean getBoolean(String key) {
        String value = get(key);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ArtifactException(where + ": " + key + " is not true or false (was '" + value + "')");
    }
}
