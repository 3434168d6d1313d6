package com.example.tags;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes a tag attribute (such as an item's genres) as one 0/1 column per frequent tag, named
 * {@code genres=Comedy}, plus an optional {@code genres#count} column with the number of tags
 * the entity carries. The vocabulary is learned in {@link #fit} from the training entities:
 * the {@code max-tags} most frequent tags seen on at least {@code min-count} entities, ties
 * broken by name so the result is deterministic. A new entity is encoded from its attributes;
 * tags outside the vocabulary only add to the count. Blank tags and tags containing a line
 * break are ignored.
 *
 * <pre>{@code
 * extractor.fit(new FeatureInput(EntityKind.ITEM, items, itemAttributes, train));
 * extractor.columns();   // [genres=Drama, genres=Comedy, genres#count]
 * }</pre>
 */
public final class TagCountExtractor implements FeatureExtractor {
    /** Descending frequency, then name: the vocabulary does not depend on hash order. */
    private static final Comparator<Map.Entry<String, Integer>> BY_FREQUENCY =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    private final ComponentConfig config;
    private final String field;
    private Map<String, Integer> vocabulary = Map.of();
    private List<String> columns = List.of();
    private FeatureMatrix fitted;

    public TagCountExtractor(ComponentConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.field = config.getString("field");
    }

    @Override
    public void fit(FeatureInput input) {
        AttributeColumn column = input.attributes().column(field).orElseThrow(() -> config.invalid("field",
                "no attribute '" + field + "' on " + input.kind().label() + "s; available: " + input.attributes().names()));
        if (!(column instanceof AttributeColumn.Tags tags)) {
            throw config.invalid("field", "attribute '" + field + "' is " + column.kind()
                    + ", expected TAGS (a list of tags per " + input.kind().label() + ")");
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (String[] row : tags.values()) {
            for (String tag : distinct(row)) {
                frequency.merge(tag, 1, Integer::sum);
            }
        }
        List<String> kept = frequency.entrySet().stream()
                .filter(e -> e.getValue() >= config.getInt("min-count"))
                .sorted(BY_FREQUENCY)
                .limit(config.getInt("max-tags"))
                .map(Map.Entry::getKey)
                .toList();
        setVocabulary(kept);
        int rows = tags.size();
        float[] data = new float[rows * columns.size()];
        for (int row = 0; row < rows; row++) {
            encodeTags(Arrays.asList(tags.values()[row]), data, row * columns.size());
        }
        fitted = new FeatureMatrix(rows, columns, data);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void encode(int index, float[] dest, int offset) {
        requireFitted().copyRow(index, dest, offset);
    }

    @Override
    public void encode(Attributes attributes, float[] dest, int offset) {
        requireFitted();
        encodeTags(attributes.tags(field), dest, offset);
    }

    @Override
    public FeatureMatrix encodeAll() {
        return requireFitted();
    }

    @Override
    public void save(ArtifactWriter out) {
        FeatureMatrix matrix = requireFitted();
        out.writeText("vocabulary.txt", String.join("\n", vocabulary.keySet()));
        out.writeInts("shape.i32", new int[] {matrix.rows(), matrix.columns()});
        out.writeFloats("vectors.f32", matrix.data());
    }

    @Override
    public void load(ArtifactReader in) {
        String text = in.readText("vocabulary.txt");
        setVocabulary(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        int[] shape = in.readInts("shape.i32");
        float[] data = in.readFloats("vectors.f32");
        if (shape.length != 2 || shape[1] != columns.size() || (long) shape[0] * shape[1] != data.length) {
            throw new ArtifactException(in.location() + ": vectors.f32 does not match shape.i32 and vocabulary.txt");
        }
        fitted = new FeatureMatrix(shape[0], columns, data);
    }

    private void setVocabulary(List<String> tags) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String tag : tags) {
            index.put(tag, index.size());
            names.add(field + "=" + tag);
        }
        if (config.getBoolean("count")) {
            names.add(field + "#count");
        }
        vocabulary = index;
        columns = List.copyOf(names);
    }

    /** Writes the vector of one entity's tags; every column is written, so {@code dest} may be reused. */
    private void encodeTags(List<String> tags, float[] dest, int offset) {
        Arrays.fill(dest, offset, offset + columns.size(), 0f);
        Set<String> seen = distinct(tags.toArray(String[]::new));
        for (String tag : seen) {
            Integer column = vocabulary.get(tag);
            if (column != null) {
                dest[offset + column] = 1f;
            }
        }
        if (config.getBoolean("count")) {
            dest[offset + columns.size() - 1] = seen.size();
        }
    }

    private static Set<String> distinct(String[] tags) {
        Set<String> out = new HashSet<>();
        for (String tag : tags) {
            // The vocabulary is saved one tag per line, so a tag spanning lines cannot be a column.
            if (tag != null && !tag.isBlank() && tag.indexOf('\n') < 0) {
                out.add(tag);
            }
        }
        return out;
    }

    private FeatureMatrix requireFitted() {
        if (fitted == null) {
            throw new IllegalStateException("tag-count at " + config.path() + " is used before fit or load");
        }
        return fitted;
    }
}
