package dev.m6rec.core.config;

import dev.m6rec.api.config.ConfigProblem;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads YAML as parser events only (nothing is constructed) and refuses what a config never
 * needs: explicit tags ({@code !!javax.script.ScriptEngineManager}, {@code !!str},
 * {@code !<tag:yaml.org,2002:java.lang.Object>}), duplicate keys, complex keys and several
 * documents. Syntax errors are reported with line and column. Nothing reaches a constructor
 * until this scan passes, so no class is ever named, loaded or instantiated from config.
 */
final class SafeYamlScan {
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String MERGE_KEY = "<<";

    /** Where a problem is: a mark and whether the column matters (syntax) or the line suffices. */
    private final BiFunction<Mark, Boolean, String> location;
    /** Where a problem without a mark is: the file or the --set key. */
    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    private SafeYamlScan(String source, BiFunction<Mark, Boolean, String> location) {
        this.source = source;
        this.location = location;
    }

    /** Problems of a config file's text, located as {@code file:line} or {@code file:line:column}. */
    static List<ConfigProblem> scanDocument(String text, String fileName) {
        SafeYamlScan scan = new SafeYamlScan(fileName, (mark, withColumn) -> fileName + ":" + (mark.getLine() + 1)
                + (withColumn ? ":" + (mark.getColumn() + 1) : ""));
        scan.run(text, true);
        return scan.problems;
    }

    /** Problems of one {@code --set} value, all located at the key path it sets. */
    static List<ConfigProblem> scanValue(String text, String keyPath) {
        SafeYamlScan scan = new SafeYamlScan(keyPath, (mark, withColumn) -> keyPath);
        scan.run(text, false);
        return scan.problems;
    }

    private void run(String text, boolean document) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        int documents = 0;
        try {
            for (Event event : yaml.parse(new StringReader(text))) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            problem(event.getStartMark(), "only one YAML document is allowed");
                        }
                    }
                    case Scalar -> node(event, ((ScalarEvent) event).getTag(), ((ScalarEvent) event).getValue(),
                            document);
                    case MappingStart, SequenceStart -> {
                        node(event, ((CollectionStartEvent) event).getTag(), null, document);
                        frames.push(new Frame(event.getEventId() == Event.ID.MappingStart));
                    }
                    case MappingEnd, SequenceEnd -> frames.pop();
                    case Alias -> node(event, null, null, document);
                    default -> {
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String message = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            if (e.getContext() != null) {
                message += " (" + e.getContext() + ")";
            }
            problems.add(new ConfigProblem(mark == null ? location.apply(new Mark("", 0, 0, 0, new int[0], 0), true)
                    : location.apply(mark, true), message));
        } catch (YAMLException e) {
            // Limits and reader errors carry no mark; they are still the input's fault.
            problems.add(new ConfigProblem(source, "cannot read YAML: " + e.getMessage()));
        }
    }

    /** Checks one node: its tag, its role as a mapping key, and (for a document) the root's kind. */
    private void node(Event event, String tag, String scalarValue, boolean document) {
        if (tag != null) {
            problem(event.getStartMark(), "tag '" + shown(tag) + "' is not allowed; config values are plain"
                    + " scalars, lists and mappings");
        }
        Frame parent = frames.peek();
        if (parent == null) {
            if (document && event.getEventId() != Event.ID.MappingStart && !isEmptyScalar(event, scalarValue)) {
                problem(event.getStartMark(), "the top level must be a mapping of sections such as 'data:' and 'interest:'");
            }
            return;
        }
        if (!parent.mapping) {
            return;
        }
        if (parent.expectingKey) {
            if (event.getEventId() != Event.ID.Scalar) {
                problem(event.getStartMark(), "mapping keys must be plain names");
            } else if (!scalarValue.equals(MERGE_KEY) && !parent.keys.add(scalarValue)) {
                problem(event.getStartMark(), "duplicate key '" + scalarValue + "'");
            }
        }
        parent.expectingKey = !parent.expectingKey;
    }

    private static boolean isEmptyScalar(Event event, String value) {
        return event.getEventId() == Event.ID.Scalar && (value.isEmpty() || value.equals("~") || value.equals("null"));
    }

    private void problem(Mark mark, String message) {
        problems.add(new ConfigProblem(location.apply(mark, false), message));
    }

    /** {@code !!str} for the YAML namespace, the tag as written otherwise. */
    private static String shown(String tag) {
        if (tag.startsWith(YAML_TAG_PREFIX)) {
            return "!!" + tag.substring(YAML_TAG_PREFIX.length());
        }
        return tag.startsWith("!") ? tag : "!<" + tag + ">";
    }

    /** An open mapping or sequence; a mapping alternates key and value nodes. */
    private static final class Frame {
        final boolean mapping;
        final Set<String> keys = new HashSet<>();
        boolean expectingKey = true;

        Frame(boolean mapping) {
            this.mapping = mapping;
        }
    }
}
