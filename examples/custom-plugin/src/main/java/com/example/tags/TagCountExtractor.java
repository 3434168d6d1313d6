package com.example.tags;

import com.example.tags.TagCountExtractorFactory.Settings;
import dev.m6rec.api.ConfigException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
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
 * break are ignored. {@link #save} writes the vocabulary alone: M6-Rec stores the fitted vectors
 * itself, and a loaded extractor encodes entities from their attributes.
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
    private final Settings settings;
    private final String path;
    private final FittedState<Map<String, Integer>> vocabulary;
    private List<String> columns = List.of();
    private FeatureMatrix fitted;

    public TagCountExtractor(Settings settings, String path) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.path = Objects.requireNonNull(path, "path is null");
        this.vocabulary = new FittedState<>(path, "tag-count");
    }

    @Override
    public void fit(FeatureInput input) {
        String field = settings.field();
        AttributeColumn column = input.attributes().column(field).orElseThrow(() -> new ConfigException(
                path + ".field", "no attribute '" + field + "' on " + input.kind().label() + "s; available: "
                + input.attributes().names()));
        if (!(column instanceof AttributeColumn.Tags tags)) {
            throw new ConfigException(path + ".field", "attribute '" + field + "' is " + column.kind()
                    + ", expected TAGS (a list of tags per " + input.kind().label() + ")");
        }
        Map<String, Integer> frequency = new HashMap<>();
        for (String[] row : tags.values()) {
            for (String tag : distinct(row)) {
                frequency.merge(tag, 1, Integer::sum);
            }
        }
        List<String> kept = frequency.entrySet().stream()
                .filter(e -> e.getValue() >= settings.minCount())
                .sorted(BY_FREQUENCY)
                .limit(settings.maxTags())
                .map(Map.Entry::getKey)
                .toList();
        setVocabulary(kept);
        int rows = tags.size();
        float[] data = new float[rows * columns.size()];
        for (int row = 0; row < rows; row++) {
            encodeTags(vocabulary.get(), Arrays.asList(tags.values()[row]), data, row * columns.size());
        }
        fitted = new FeatureMatrix(rows, columns, data);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public void encode(Attributes attributes, float[] dest, int offset) {
        encodeTags(vocabulary.get(), attributes.tags(settings.field()), dest, offset);
    }

    @Override
    public FeatureMatrix encodeAll() {
        if (fitted == null) {
            throw new IllegalStateException("tag-count at " + path + ": encodeAll() is only available after fit");
        }
        return fitted;
    }

    @Override
    public void save(ArtifactWriter out) {
        out.writeText("vocabulary.txt", String.join("\n", vocabulary.get().keySet()));
    }

    @Override
    public void load(ArtifactReader in) {
        String text = in.readText("vocabulary.txt");
        setVocabulary(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
    }

    private void setVocabulary(List<String> tags) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (String tag : tags) {
            index.put(tag, index.size());
            names.add(settings.field() + "=" + tag);
        }
        if (settings.count()) {
            names.add(settings.field() + "#count");
        }
        columns = List.copyOf(names);
        vocabulary.set(index);
    }

    /** Writes the vector of one entity's tags; every column is written, so {@code dest} may be reused. */
    private void encodeTags(Map<String, Integer> index, List<String> tags, float[] dest, int offset) {
        Arrays.fill(dest, offset, offset + columns.size(), 0f);
        Set<String> seen = distinct(tags.toArray(String[]::new));
        for (String tag : seen) {
            Integer column = index.get(tag);
            if (column != null) {
                dest[offset + column] = 1f;
            }
        }
        if (settings.count()) {
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
}
