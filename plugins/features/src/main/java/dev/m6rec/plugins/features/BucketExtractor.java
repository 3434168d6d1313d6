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
import java.util.List;

/**
 * Quantile buckets per numeric field: the cut points are the distinct training quantiles
 * k/buckets (k = 1..buckets-1); a value falls in the bucket of the cut points at or below it.
 * Column names show each bucket's range so models can report which band mattered.
 */
final class BucketExtractor extends AbstractFeatureExtractor {
    private List<String> fields;
    private final int buckets;
    /** Per field, ascending distinct cut points. */
    private float[][] cuts;

    BucketExtractor(BucketFactory.Settings settings, String path) {
        super(BucketFactory.NAME, path);
        this.fields = List.copyOf(settings.fields());
        this.buckets = settings.buckets();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        List<AttributeColumn> resolved = AttributeFields.resolveAll(path(), "fields", fields, input,
                BucketFactory.NAME, AttributeFields.kinds(AttributeKind.NUMERIC));
        cuts = new float[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            cuts[f] = quantileCuts(((AttributeColumn.Numeric) resolved.get(f)).values(), buckets);
        }
        int[] offsets = offsets();
        FeatureRows.Builder known = FeatureRows.builder();
        for (int r = 0; r < input.ids().size(); r++) {
            for (int f = 0; f < fields.size(); f++) {
                float v = ((AttributeColumn.Numeric) resolved.get(f)).values()[r];
                if (Float.isFinite(v)) {
                    known.add(offsets[f] + bucketOf(cuts[f], v), 1f);
                }
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    /** Distinct values at the k/buckets quantiles of the finite values (nearest rank). */
    static float[] quantileCuts(float[] values, int buckets) {
        float[] finite = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                finite[n++] = v;
            }
        }
        Arrays.sort(finite, 0, n);
        float[] out = new float[Math.max(0, buckets - 1)];
        int size = 0;
        for (int k = 1; k < buckets && n > 0; k++) {
            float cut = finite[Math.min(n - 1, (int) Math.ceil((double) k * n / buckets))];
            // A cut equal to the minimum would leave the first bucket empty.
            if (cut > finite[0] && (size == 0 || cut > out[size - 1])) {
                out[size++] = cut;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** The number of cut points at or below {@code value}. */
    static int bucketOf(float[] cuts, float value) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cuts[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[] offsets() {
        int[] offsets = new int[fields.size()];
        for (int f = 1; f < fields.size(); f++) {
            offsets[f] = offsets[f - 1] + cuts[f - 1].length + 1;
        }
        return offsets;
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            float[] c = cuts[f];
            for (int b = 0; b <= c.length; b++) {
                if (c.length == 0) {
                    names.add(field + "=any");
                } else if (b == 0) {
                    names.add(field + "<" + format(c[0]));
                } else if (b == c.length) {
                    names.add(field + ">=" + format(c[b - 1]));
                } else {
                    names.add(field + "[" + format(c[b - 1]) + "," + format(c[b]) + ")");
                }
            }
        }
        return names;
    }

    private static String format(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value) : Float.toString(value);
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        int[] offsets = offsets();
        for (int f = 0; f < fields.size(); f++) {
            float v = attributes.number(fields.get(f));
            if (Float.isFinite(v)) {
                dest[offset + offsets[f] + bucketOf(cuts[f], v)] = 1f;
            }
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        StringListFile.write(out, "fields.txt", fields);
        int[] counts = new int[cuts.length];
        int total = 0;
        for (int f = 0; f < cuts.length; f++) {
            counts[f] = cuts[f].length;
            total += counts[f];
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] c : cuts) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        out.writeInts("cut-counts.i32", counts);
        out.writeFloats("cuts.f32", all);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        List<String> loadedFields = StringListFile.read(in, "fields.txt");
        int[] counts = in.readInts("cut-counts.i32");
        float[] all = in.readFloats("cuts.f32");
        if (counts.length != loadedFields.size() || Arrays.stream(counts).sum() != all.length
                || Arrays.stream(counts).map(c -> c + 1).sum() != columns.size()) {
            throw new ArtifactException(in.location() + ": bucket parameters do not match " + columns.size() + " columns");
        }
        float[][] loaded = new float[counts.length][];
        int at = 0;
        for (int f = 0; f < counts.length; f++) {
            loaded[f] = Arrays.copyOfRange(all, at, at + counts[f]);
            at += counts[f];
        }
        this.fields = List.copyOf(loadedFields);
        this.cuts = loaded;
    }
}
