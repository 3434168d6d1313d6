package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.List;

/**
 * One-hot encodes categorical attributes. Each field gets the columns {@code field=value} for its
 * kept categories (ascending) followed by {@code field=<other>}, which takes categories that were
 * rare in training ({@code min-count}, {@code max-categories}) or never seen. A missing value
 * leaves all of the field's columns at zero.
 */
final class CategoricalExtractor extends AbstractFeatureExtractor {
    static final String OTHER = "<other>";

    private final int minCount;
    private final int maxCategories;
    private List<String> fields;
    private Vocabulary[] vocabularies;
    private int[] firstColumn;

    CategoricalExtractor(CategoricalFactory.Settings settings, String path) {
        super(CategoricalFactory.NAME, path);
        this.fields = List.copyOf(settings.fields());
        this.minCount = settings.minCount();
        this.maxCategories = settings.maxCategories() == null ? Integer.MAX_VALUE : settings.maxCategories();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        List<AttributeColumn> resolved = AttributeFields.resolveAll(path(), "fields", fields, input,
                CategoricalFactory.NAME, AttributeFields.kinds(AttributeKind.CATEGORICAL));
        int n = fields.size();
        String[][] values = new String[n][];
        vocabularies = new Vocabulary[n];
        for (int f = 0; f < n; f++) {
            values[f] = ((AttributeColumn.Categorical) resolved.get(f)).values();
            Vocabulary.Counter counter = new Vocabulary.Counter();
            for (String value : values[f]) {
                if (value != null) {
                    counter.add(value);
                }
            }
            vocabularies[f] = counter.select(minCount, maxCategories);
        }
        List<String> columns = layOut();
        int rows = input.ids().size();
        FeatureRows.Builder known = FeatureRows.builder();
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < n; f++) {
                int column = column(f, values[f][r]);
                if (column >= 0) {
                    known.add(column, 1f);
                }
            }
            known.endRow();
        }
        return new Fitted(columns, known.build());
    }

    /** Assigns each field its span of columns and returns all column names. */
    private List<String> layOut() {
        List<String> columns = new ArrayList<>();
        firstColumn = new int[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            firstColumn[f] = columns.size();
            for (String token : vocabularies[f].tokens()) {
                columns.add(fields.get(f) + "=" + token);
            }
            columns.add(fields.get(f) + "=" + OTHER);
        }
        return columns;
    }

    /** The column of a value of field {@code f}, its {@code <other>} column when unknown, -1 when missing. */
    private int column(int f, String value) {
        if (value == null) {
            return -1;
        }
        int index = vocabularies[f].indexOf(value);
        return firstColumn[f] + (index >= 0 ? index : vocabularies[f].size());
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        for (int f = 0; f < fields.size(); f++) {
            int column = column(f, attributes.category(fields.get(f)));
            if (column >= 0) {
                dest[offset + column] = 1f;
            }
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        StringListFile.write(out, "fields.txt", fields);
        List<String> tokens = new ArrayList<>();
        int[] sizes = new int[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            tokens.addAll(vocabularies[f].tokens());
            sizes[f] = vocabularies[f].size();
        }
        StringListFile.write(out, "categories.txt", tokens);
        out.writeInts("category-counts.i32", sizes);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        List<String> loadedFields = StringListFile.read(in, "fields.txt");
        List<String> tokens = StringListFile.read(in, "categories.txt");
        int[] sizes = in.readInts("category-counts.i32");
        if (sizes.length != loadedFields.size()) {
            throw new ArtifactException(in.location() + "/category-counts.i32: " + sizes.length
                    + " counts for " + loadedFields.size() + " fields");
        }
        Vocabulary[] loaded = new Vocabulary[sizes.length];
        int start = 0;
        for (int f = 0; f < sizes.length; f++) {
            if (sizes[f] < 0 || start + sizes[f] > tokens.size()) {
                throw new ArtifactException(in.location() + "/categories.txt: fewer categories than counted");
            }
            try {
                loaded[f] = Vocabulary.ofSorted(tokens.subList(start, start + sizes[f]));
            } catch (IllegalArgumentException e) {
                throw new ArtifactException(in.location() + "/categories.txt: " + e.getMessage(), e);
            }
            start += sizes[f];
        }
        if (start != tokens.size() || columns.size() != tokens.size() + sizes.length) {
            throw new ArtifactException(in.location() + "/categories.txt: categories do not match the columns");
        }
        this.fields = List.copyOf(loadedFields);
        this.vocabularies = loaded;
        layOut();
    }
}
