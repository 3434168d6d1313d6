package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.config.ConfigProblem;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the nested parts of a {@code csv} loader section ({@code columns},
 * {@code user-attributes}, {@code item-attributes}) that the schema declares only as mappings,
 * and turns the section into {@link CsvSettings}. Every problem names its full key path, e.g.
 * {@code data.item-attributes.columns.genres.type: must be one of [numeric, categorical, tags, text] (was 'list')}.
 */
final class CsvSettingsParser {
    private static final List<String> INTERACTION_COLUMNS = List.of("user", "item", "rating", "timestamp");
    private static final List<String> FILE_KEYS = List.of("path", "id", "columns", "delimiter", "header", "quoting",
            "encoding");
    private static final List<String> COLUMN_KEYS = List.of("type", "name", "separator");
    private static final List<String> KINDS = List.of("numeric", "categorical", "tags", "text");
    private static final String DEFAULT_SEPARATOR = "|";

    private final List<ConfigProblem> problems = new ArrayList<>();
    private Delimiter mainDelimiter;
    private Charset mainCharset;

    private CsvSettingsParser() {
    }

    /** The settings, or the problems that stop them (non-empty) with {@code null} settings. */
    static CsvSettings parse(ComponentConfig config, List<ConfigProblem> problems) {
        CsvSettingsParser parser = new CsvSettingsParser();
        CsvSettings settings = parser.settings(config);
        problems.addAll(parser.problems);
        return parser.problems.isEmpty() ? settings : null;
    }

    private CsvSettings settings(ComponentConfig config) {
        String base = config.path();
        mainDelimiter = delimiter(base + ".delimiter", config.getString("delimiter"));
        mainCharset = charset(base + ".encoding", config.getString("encoding"));
        DelimitedFormat format = format(mainDelimiter, config.getBoolean("header"), config.getBoolean("quoting"),
                mainCharset);
        Map<String, Object> columns = config.getMap("columns");
        String at = base + ".columns";
        unknownKeys(at, columns, INTERACTION_COLUMNS);
        boolean header = config.getBoolean("header");
        ColumnRef user = column(at + ".user", columns.get("user"), header, true, "the column of user ids");
        ColumnRef item = column(at + ".item", columns.get("item"), header, true, "the column of item ids");
        ColumnRef rating = column(at + ".rating", columns.get("rating"), header, false, "");
        ColumnRef timestamp = column(at + ".timestamp", columns.get("timestamp"), header, false, "");
        if (user != null && user.equals(item)) {
            problems.add(new ConfigProblem(at + ".item", "must differ from columns.user (both are '" + user + "')"));
        }
        AttributeFileSpec users = config.isSet("user-attributes")
                ? attributeFile(base + ".user-attributes", config.getMap("user-attributes"), config) : null;
        AttributeFileSpec items = config.isSet("item-attributes")
                ? attributeFile(base + ".item-attributes", config.getMap("item-attributes"), config) : null;
        String path = config.getString("path");
        String name = config.getString("name");
        if (name == null && path != null) {
            Path fileName = Path.of(path).getFileName();
            name = fileName == null ? path : fileName.toString().replaceFirst("\\.[^.]*$", "");
        }
        if (!problems.isEmpty() || path == null || format == null) {
            return null;
        }
        return new CsvSettings(path, name, format, user, item, rating, timestamp, users, items, OnError.of(config));
    }

    private Delimiter delimiter(String at, String text) {
        if (text == null || text.isEmpty()) {
            problems.add(new ConfigProblem(at, "must not be empty"));
            return null;
        }
        return Delimiter.parse(text);
    }

    private Charset charset(String at, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(new ConfigProblem(at, "unknown character set '" + name + "'"));
            return null;
        }
    }

    private static DelimitedFormat format(Delimiter delimiter, boolean header, boolean quoting, Charset charset) {
        return delimiter == null || charset == null ? null : new DelimitedFormat(delimiter, header, quoting, charset);
    }

    /** An attribute file's section; its format keys default to the main file's. */
    private AttributeFileSpec attributeFile(String at, Map<String, Object> file, ComponentConfig main) {
        unknownKeys(at, file, FILE_KEYS);
        String path = string(at + ".path", file.get("path"), true, "the attribute file, relative to the config file");
        String delimiter = string(at + ".delimiter", file.get("delimiter"), false, "");
        Boolean headerGiven = bool(at + ".header", file.get("header"));
        Boolean quoting = bool(at + ".quoting", file.get("quoting"));
        String encoding = string(at + ".encoding", file.get("encoding"), false, "");
        boolean header = headerGiven == null ? main.getBoolean("header") : headerGiven;
        // unset format keys take the main file's values, whose problems were reported at the main keys
        DelimitedFormat format = format(delimiter == null ? mainDelimiter : delimiter(at + ".delimiter", delimiter), header,
                quoting == null ? main.getBoolean("quoting") : quoting,
                encoding == null ? mainCharset : charset(at + ".encoding", encoding));
        ColumnRef id = column(at + ".id", file.get("id"), header, true, "the column of ids");
        List<AttributeColumnSpec> columns = new ArrayList<>();
        Object columnsValue = file.get("columns");
        if (columnsValue == null) {
            problems.add(new ConfigProblem(at + ".columns", "required (the attribute columns to read, e.g. { age: numeric })"));
        } else if (!(columnsValue instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add(new ConfigProblem(at + ".columns", "expected a non-empty mapping of column to type (was "
                    + show(columnsValue) + ")"));
        } else {
            Map<String, String> namesUsed = new HashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                AttributeColumnSpec spec = attributeColumn(at + ".columns." + key, key, entry.getValue(), header);
                if (spec != null) {
                    String previous = namesUsed.putIfAbsent(spec.name(), key);
                    if (previous != null) {
                        problems.add(new ConfigProblem(at + ".columns." + key, "attribute name '" + spec.name()
                                + "' is already used by column " + previous));
                    } else {
                        columns.add(spec);
                    }
                }
            }
        }
        if (path == null || format == null || id == null) {
            return null;
        }
        return new AttributeFileSpec(path, format, id, columns);
    }

    private AttributeColumnSpec attributeColumn(String at, String key, Object value, boolean header) {
        ColumnRef source;
        if (header) {
            source = ColumnRef.named(key);
        } else {
            Integer index = index(key);
            if (index == null) {
                problems.add(new ConfigProblem(at, "expected a 0-based column index as key because header is false (was '"
                        + key + "')"));
                return null;
            }
            source = ColumnRef.at(index);
        }
        String type;
        String name = header ? key : null;
        String separator = DEFAULT_SEPARATOR;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> spec = new HashMap<>();
            map.forEach((k, v) -> spec.put(String.valueOf(k), v));
            unknownKeys(at, spec, COLUMN_KEYS);
            type = string(at + ".type", spec.get("type"), true, "one of " + KINDS);
            String given = string(at + ".name", spec.get("name"), false, "");
            if (given != null) {
                name = given;
            } else if (!header) {
                problems.add(new ConfigProblem(at + ".name", "required when header is false (the attribute's name)"));
            }
            String sep = string(at + ".separator", spec.get("separator"), false, "");
            if (sep != null) {
                if (!"tags".equals(type)) {
                    problems.add(new ConfigProblem(at + ".separator", "applies only to type tags"));
                } else if (sep.isEmpty()) {
                    problems.add(new ConfigProblem(at + ".separator", "must not be empty"));
                }
                separator = sep;
            }
            if (type == null) {
                return null;
            }
            at = at + ".type";
        } else if (value instanceof String s) {
            type = s.strip();
            if (!header) {
                problems.add(new ConfigProblem(at, "needs a name when header is false, e.g. { type: " + type
                        + ", name: age }"));
                return null;
            }
        } else {
            problems.add(new ConfigProblem(at, "expected a type (one of " + KINDS + ") or a mapping with type (was "
                    + show(value) + ")"));
            return null;
        }
        if (!KINDS.contains(type)) {
            problems.add(new ConfigProblem(at, "must be one of " + KINDS + " (was '" + type + "')"));
            return null;
        }
        if (name == null) {
            return null;
        }
        return new AttributeColumnSpec(source, name, AttributeKind.valueOf(type.toUpperCase(Locale.ROOT)), separator);
    }

    private ColumnRef column(String at, Object value, boolean header, boolean required, String what) {
        if (value == null) {
            if (required) {
                problems.add(new ConfigProblem(at, "required (" + what + ")"));
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(new ConfigProblem(at, "expected a column " + (header ? "name" : "index") + " (was "
                    + show(value) + ")"));
            return null;
        }
        String text = String.valueOf(value).strip();
        if (header) {
            if (text.isEmpty()) {
                problems.add(new ConfigProblem(at, "expected a column name (was empty)"));
                return null;
            }
            return ColumnRef.named(text);
        }
        Integer index = index(text);
        if (index == null) {
            problems.add(new ConfigProblem(at, "expected a 0-based column index because header is false (was "
                    + show(value) + ")"));
            return null;
        }
        return ColumnRef.at(index);
    }

    private String string(String at, Object value, boolean required, String what) {
        if (value == null) {
            if (required) {
                problems.add(new ConfigProblem(at, "required (" + what + ")"));
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(new ConfigProblem(at, "expected a string (was " + show(value) + ")"));
            return null;
        }
        return String.valueOf(value);
    }

    private Boolean bool(String at, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        problems.add(new ConfigProblem(at, "expected true or false (was " + show(value) + ")"));
        return null;
    }

    private void unknownKeys(String at, Map<String, Object> map, List<String> valid) {
        for (Object key : map.keySet()) {
            if (!valid.contains(String.valueOf(key))) {
                problems.add(new ConfigProblem(at + "." + key, "unknown key; valid keys are " + valid));
            }
        }
    }

    private static Integer index(String text) {
        if (!text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String show(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
