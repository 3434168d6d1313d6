package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-hot encodes a tags attribute: columns {@code field=tag} for the kept tags (ascending),
 * then {@code field=<other>}. A tag counts once per entity (repeats do not add up), so a row is
 * binary, or with {@code normalize} every set column is {@code 1/sqrt(set columns)}. A categorical
 * attribute is read as one tag per entity.
 */
final class MultiHotExtractor extends AbstractFeatureExtractor {
    private final int minCount;
    private final int maxTags;
    private String field;
    private boolean normalize;
    private Vocabulary vocabulary;

    MultiHotExtractor(MultiHotFactory.Settings settings, String path) {
        super(MultiHotFactory.NAME, path);
        this.field = settings.field();
        this.minCount = settings.minCount();
        this.maxTags = settings.maxTags() == null ? Integer.MAX_VALUE : settings.maxTags();
        this.normalize = settings.normalize();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        AttributeColumn column = AttributeFields.resolve(path() + ".field", field, input, MultiHotFactory.NAME,
                AttributeFields.kinds(AttributeKind.TAGS, AttributeKind.CATEGORICAL));
        String[][] tags = tagsOf(column);
        Vocabulary.Counter counter = new Vocabulary.Counter();
        for (String[] row : tags) {
            for (int k = 0; k < row.length; k++) {
                if (row[k] != null && firstOccurrence(row, k)) {
                    counter.add(row[k]);
                }
            }
        }
        vocabulary = counter.select(minCount, maxTags);
        RowMarks marks = new RowMarks(vocabulary.size() + 1);
        int[] set = new int[vocabulary.size() + 1];
        FeatureRows.Builder known = FeatureRows.builder();
        for (String[] row : tags) {
            int count = columnsOf(Arrays.asList(row), marks, set);
            float value = valueFor(count);
            for (int k = 0; k < count; k++) {
                known.add(set[k], value);
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    private static String[][] tagsOf(AttributeColumn column) {
        if (column instanceof AttributeColumn.Tags t) {
            return t.values();
        }
        String[] single = ((AttributeColumn.Categorical) column).values();
        String[][] tags = new String[single.length][];
        for (int r = 0; r < single.length; r++) {
            tags[r] = single[r] == null ? new String[0] : new String[] {single[r]};
        }
        return tags;
    }

    private static boolean firstOccurrence(String[] row, int k) {
        for (int j = 0; j < k; j++) {
            if (row[k].equals(row[j])) {
                return false;
            }
        }
        return true;
    }

    /** Writes the distinct columns of {@code tags} into {@code set} and returns how many. */
    private int columnsOf(List<String> tags, RowMarks marks, int[] set) {
        marks.nextRow();
        int count = 0;
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            int index = vocabulary.indexOf(tag);
            int column = index >= 0 ? index : vocabulary.size();
            if (marks.mark(column)) {
                set[count++] = column;
            }
        }
        return count;
    }

    private float valueFor(int count) {
        return normalize && count > 0 ? (float) (1.0 / Math.sqrt(count)) : 1f;
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>(vocabulary.size() + 1);
        for (String tag : vocabulary.tokens()) {
            names.add(field + "=" + tag);
        }
        names.add(field + "=" + CategoricalExtractor.OTHER);
        return names;
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        List<String> tags = attributes.tags(field);
        if (tags.isEmpty() && attributes.category(field) != null) {
            tags = List.of(attributes.category(field));
        }
        RowMarks marks = new RowMarks(vocabulary.size() + 1);
        int[] set = new int[Math.min(tags.size(), vocabulary.size() + 1)];
        int count = columnsOf(tags, marks, set);
        float value = valueFor(count);
        for (int k = 0; k < count; k++) {
            dest[offset + set[k]] = value;
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("field", field);
        settings.put("normalize", Boolean.toString(normalize));
        KeyValueFile.write(out, "multi-hot.txt", settings);
        StringListFile.write(out, "tags.txt", vocabulary.tokens());
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        KeyValueFile settings = KeyValueFile.read(in, "multi-hot.txt");
        List<String> tags = StringListFile.read(in, "tags.txt");
        if (columns.size() != tags.size() + 1) {
            throw new ArtifactException(in.location() + "/tags.txt: " + tags.size() + " tags for "
                    + columns.size() + " columns");
        }
        try {
            this.vocabulary = Vocabulary.ofSorted(tags);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(in.location() + "/tags.txt: " + e.getMessage(), e);
        }
        this.field = settings.get("field");
        this.normalize = settings.getBoolean("normalize");
    }
}
