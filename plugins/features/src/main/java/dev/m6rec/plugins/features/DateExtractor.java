package dev.m6rec.plugins.features;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeKind;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.feature.FeatureInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a date as two standardised columns, {@code <field>:year} and {@code <field>:age} (years
 * before the reference day: the last training timestamp, or the latest date when the training
 * data has no timestamps). Ages are fixed at fit, so a loaded extractor encodes identically.
 */
final class DateExtractor extends AbstractFeatureExtractor {
    private String field;
    private String unit;
    /** reference day, year mean, year std, age mean, age std */
    private float[] parameters;

    DateExtractor(DateFactory.Settings settings, String path) {
        super(DateFactory.NAME, path);
        this.field = settings.field();
        this.unit = settings.unit();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        AttributeColumn column = AttributeFields.resolve(path() + ".field", field, input, DateFactory.NAME,
                AttributeFields.kinds(AttributeKind.NUMERIC, AttributeKind.TEXT, AttributeKind.CATEGORICAL));
        int rows = input.ids().size();
        double[] days = new double[rows];
        for (int r = 0; r < rows; r++) {
            days[r] = days(column, r);
        }
        double reference = referenceDay(input.train(), days);
        double[] year = new double[rows];
        double[] age = new double[rows];
        for (int r = 0; r < rows; r++) {
            year[r] = DateParser.year(days[r]);
            age[r] = DateParser.ageYears(days[r], reference);
        }
        double[] yearStats = meanAndStd(year);
        double[] ageStats = meanAndStd(age);
        parameters = new float[] {(float) reference, (float) yearStats[0], (float) yearStats[1],
            (float) ageStats[0], (float) ageStats[1]};
        FeatureRows.Builder known = FeatureRows.builder();
        for (int r = 0; r < rows; r++) {
            if (!Double.isNaN(days[r])) {
                known.add(0, scaled(year[r], 1)).add(1, scaled(age[r], 3));
            }
            known.endRow();
        }
        return new Fitted(columnNames(), known.build());
    }

    private double days(AttributeColumn column, int row) {
        if (column instanceof AttributeColumn.Numeric n) {
            return DateParser.fromNumber(n.values()[row], unit);
        }
        if (column instanceof AttributeColumn.Text t) {
            return DateParser.fromText(t.values()[row]);
        }
        return DateParser.fromText(((AttributeColumn.Categorical) column).values()[row]);
    }

    private static double referenceDay(Interactions train, double[] days) {
        if (train.hasTimestamps() && train.size() > 0) {
            long latest = Long.MIN_VALUE;
            for (int r = 0; r < train.size(); r++) {
                latest = Math.max(latest, train.timestamp(r));
            }
            return latest / 86_400.0;
        }
        double latest = Double.NaN;
        for (double d : days) {
            if (!Double.isNaN(d) && !(d <= latest)) {
                latest = d;
            }
        }
        return Double.isNaN(latest) ? 0 : latest;
    }

    /** Mean and population standard deviation over finite values; std 1 when constant or empty. */
    private static double[] meanAndStd(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        return new double[] {mean, std == 0 ? 1 : std};
    }

    /** (value - mean) / std with the parameters at {@code meanIndex}, {@code meanIndex + 1}. */
    private float scaled(double value, int meanIndex) {
        return (float) ((value - parameters[meanIndex]) / parameters[meanIndex + 1]);
    }

    private List<String> columnNames() {
        return List.of(field + ":year", field + ":age");
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        Object raw = attributes.value(field).orElse(null);
        double days = raw instanceof Float f ? DateParser.fromNumber(f, unit)
                : raw instanceof String s ? DateParser.fromText(s) : Double.NaN;
        if (!Double.isNaN(days)) {
            dest[offset] = scaled(DateParser.year(days), 1);
            dest[offset + 1] = scaled(DateParser.ageYears(days, parameters[0]), 3);
        }
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("field", field);
        settings.put("unit", unit);
        KeyValueFile.write(out, "date.txt", settings);
        out.writeFloats("date.f32", parameters);
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        KeyValueFile settings = KeyValueFile.read(in, "date.txt");
        float[] loaded = in.readFloats("date.f32");
        if (loaded.length != 5 || columns.size() != 2) {
            throw new ArtifactException(in.location() + ": date parameters do not match 2 columns");
        }
        this.field = settings.get("field");
        this.unit = settings.get("unit");
        this.parameters = loaded;
    }
}
