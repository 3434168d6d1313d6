package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scales numeric attributes: column {@code age} holds {@code (transform(x) - center) / scale}.
 * A missing value (NaN, or infinite) is replaced by the mean of the training values before
 * scaling, and with {@code missing-indicator} a column {@code age=<missing>} marks it. Parameters
 * are learned in double and kept as float32, the precision every encoding uses.
 */
final class NumericExtractor extends AbstractFeatureExtractor {
    static final String MISSING = "<missing>";

    private List<String> fields;
    private NumericScaling scaling;
    private boolean indicator;
    private float[] imputed;
    private float[] center;
    private float[] scale;

    NumericExtractor(NumericFactory.Settings settings, String path) {
        super(NumericFactory.NAME, path);
        this.fields = List.copyOf(settings.fields());
        this.scaling = settings.scaling();
        this.indicator = settings.missingIndicator();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        List<AttributeColumn> resolved = AttributeFields.resolveAll(path(), "fields", fields, input,
                NumericFactory.NAME, AttributeFields.kinds(AttributeKind.NUMERIC));
        int n = fields.size();
        float[][] values = new float[n][];
        imputed = new float[n];
        center = new float[n];
        scale = new float[n];
        for (int f = 0; f < n; f++) {
            values[f] = ((AttributeColumn.Numeric) resolved.get(f)).values();
            learnField(f, values[f]);
        }
        int rows = input.ids().size();
        int width = indicator ? 2 : 1;
        FeatureRows.Builder known = FeatureRows.builder();
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < n; f++) {
                addValue(known, f * width, f, values[f][r]);
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    private void learnField(int f, float[] values) {
        double sum = 0;
        double transformedSum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (float x : values) {
            if (Float.isFinite(x)) {
                sum += x;
                transformedSum += scaling.transform(x);
                min = Math.min(min, x);
                max = Math.max(max, x);
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double transformedMean = count == 0 ? 0 : transformedSum / count;
        double squares = 0;
        for (float x : values) {
            if (Float.isFinite(x)) {
                double d = scaling.transform(x) - transformedMean;
                squares += d * d;
            }
        }
        double std = count == 0 ? 0 : Math.sqrt(squares / count);
        imputed[f] = (float) mean;
        switch (scaling) {
            case STANDARD, LOG -> {
                center[f] = (float) transformedMean;
                scale[f] = std > 0 ? (float) std : 1f;   // a constant column encodes as 0
            }
            case MIN_MAX -> {
                center[f] = count == 0 ? 0f : (float) min;
                scale[f] = count > 0 && max > min ? (float) (max - min) : 1f;
            }
            case NONE -> {
                center[f] = 0f;
                scale[f] = 1f;
            }
            default -> throw new IllegalStateException("unhandled scaling " + scaling);
        }
    }

    private List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (String field : fields) {
            names.add(field);
            if (indicator) {
                names.add(field + "=" + MISSING);
            }
        }
        return names;
    }

    /** Adds field {@code f}'s value column (and indicator) starting at {@code column}. */
    private void addValue(FeatureRows.Builder known, int column, int f, float raw) {
        boolean missing = !Float.isFinite(raw);
        known.add(column, scaled(f, missing ? imputed[f] : raw));
        if (indicator && missing) {
            known.add(column + 1, 1f);
        }
    }

    private float scaled(int f, float raw) {
        return (scaling.transform(raw) - center[f]) / scale[f];
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        int width = indicator ? 2 : 1;
        for (int f = 0; f < fields.size(); f++) {
            float raw = attributes.number(fields.get(f));
            boolean missing = !Float.isFinite(raw);
            dest[offset + f * width] = scaled(f, missing ? imputed[f] : raw);
            if (indicator && missing) {
                dest[offset + f * width + 1] = 1f;
            }
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("scaling", scaling.label());
        settings.put("missing-indicator", Boolean.toString(indicator));
        KeyValueFile.write(out, "numeric.txt", settings);
        StringListFile.write(out, "fields.txt", fields);
        out.writeFloats("imputed.f32", imputed);
        out.writeFloats("center.f32", center);
        out.writeFloats("scale.f32", scale);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        KeyValueFile settings = KeyValueFile.read(in, "numeric.txt");
        NumericScaling loadedScaling;
        try {
            loadedScaling = NumericScaling.fromLabel(settings.get("scaling"));
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(settings.where() + ": " + e.getMessage(), e);
        }
        boolean loadedIndicator = settings.getBoolean("missing-indicator");
        List<String> loadedFields = StringListFile.read(in, "fields.txt");
        float[] loadedImputed = in.readFloats("imputed.f32");
        float[] loadedCenter = in.readFloats("center.f32");
        float[] loadedScale = in.readFloats("scale.f32");
        int n = loadedFields.size();
        if (loadedImputed.length != n || loadedCenter.length != n || loadedScale.length != n
                || columns.size() != n * (loadedIndicator ? 2 : 1)) {
            throw new ArtifactException(in.location() + ": numeric parameters do not match " + n + " fields");
        }
        this.scaling = loadedScaling;
        this.indicator = loadedIndicator;
        this.fields = List.copyOf(loadedFields);
        this.imputed = loadedImputed;
        this.center = loadedCenter;
        this.scale = loadedScale;
    }
}
