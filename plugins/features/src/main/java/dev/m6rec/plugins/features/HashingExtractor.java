package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hashing trick: every token {@code field=value} (one per categorical value, one per tag)
 * adds {@code sign(h)} to bucket {@code |h| mod buckets}, {@code h} being the 32-bit murmur3 of the
 * token's UTF-8 bytes with seed 0, as scikit-learn's {@code FeatureHasher} does. Repeated tags and
 * colliding tokens add up. Columns are {@code field1+field2#bucket}.
 */
final class HashingExtractor extends AbstractFeatureExtractor {
    private List<String> fields;
    private int buckets;
    private boolean signed;

    HashingExtractor(HashingFactory.Settings settings, String path) {
        super(HashingFactory.NAME, path);
        this.fields = List.copyOf(settings.fields());
        this.buckets = settings.buckets();
        this.signed = settings.signed();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        List<AttributeColumn> resolved = AttributeFields.resolveAll(path(), "fields", fields, input,
                HashingFactory.NAME, AttributeFields.kinds(AttributeKind.CATEGORICAL, AttributeKind.TAGS));
        int rows = input.ids().size();
        List<Map<String, Integer>> hashes = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            hashes.add(new HashMap<>());  // values repeat across rows: hash each once
        }
        FeatureRows.Builder known = FeatureRows.builder();
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < fields.size(); f++) {
                AttributeColumn column = resolved.get(f);
                if (column instanceof AttributeColumn.Categorical c) {
                    addToken(known, hashes.get(f), f, c.values()[r]);
                } else {
                    for (String tag : ((AttributeColumn.Tags) column).values()[r]) {
                        addToken(known, hashes.get(f), f, tag);
                    }
                }
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    private void addToken(FeatureRows.Builder known, Map<String, Integer> cache, int f, String value) {
        if (value != null) {
            int h = cache.computeIfAbsent(value, v -> hash(f, v));
            known.add(bucket(h), sign(h));
        }
    }

    private int hash(int f, String value) {
        return Murmur3.hash32(fields.get(f) + "=" + value, 0);
    }

    private int bucket(int h) {
        return (int) (Math.abs((long) h) % buckets);
    }

    private float sign(int h) {
        return signed && h < 0 ? -1f : 1f;
    }

    private List<String> columnNames() {
        String prefix = String.join("+", fields) + "#";
        List<String> names = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
            names.add(prefix + b);
        }
        return names;
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        for (int f = 0; f < fields.size(); f++) {
            String category = attributes.category(fields.get(f));
            if (category != null) {
                int h = hash(f, category);
                dest[offset + bucket(h)] += sign(h);
            }
            for (String tag : attributes.tags(fields.get(f))) {
                int h = hash(f, tag);
                dest[offset + bucket(h)] += sign(h);
            }
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("buckets", Integer.toString(buckets));
        settings.put("signed", Boolean.toString(signed));
        KeyValueFile.write(out, "hashing.txt", settings);
        StringListFile.write(out, "fields.txt", fields);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        KeyValueFile settings = KeyValueFile.read(in, "hashing.txt");
        int loadedBuckets = settings.getInt("buckets");
        if (loadedBuckets != columns.size()) {
            throw new ArtifactException(settings.where() + ": " + loadedBuckets + " buckets for "
                    + columns.size() + " columns");
        }
        this.buckets = loadedBuckets;
        this.signed = settings.getBoolean("signed");
        this.fields = List.copyOf(StringListFile.read(in, "fields.txt"));
    }
}
