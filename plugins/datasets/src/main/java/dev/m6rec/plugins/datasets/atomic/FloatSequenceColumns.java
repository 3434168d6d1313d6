package dev.m6rec.plugins.datasets.atomic;

import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.MalformedRecordException;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code float_seq} field spread over numeric columns {@code name[0]}, {@code name[1]}, ...: as
 * many as the longest sequence in the file; shorter sequences leave the rest NaN.
 */
final class FloatSequenceColumns implements FieldBinding {
    private final String name;
    private final int field;
    private final List<AttributeColumnBuilder.Numeric> columns = new ArrayList<>();
    private float[] staged = new float[0];

    FloatSequenceColumns(String name, int field) {
        this.name = name;
        this.field = field;
    }

    @Override
    public void stage(RecordReader reader) {
        String[] tokens = reader.tokens(field, " ");
        float[] values = new float[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            try {
                values[k] = parse(tokens[k]);
            } catch (NumberFormatException e) {
                throw new MalformedRecordException(name + "[" + k + "] '" + tokens[k] + "' is not a number");
            }
        }
        staged = values;
    }

    @Override
    public void commit(int row) {
        for (int k = 0; k < staged.length; k++) {
            if (k == columns.size()) {
                columns.add(new AttributeColumnBuilder.Numeric(name + "[" + k + "]"));
            }
            columns.get(k).set(row, staged[k]);
        }
    }

    /** The columns made so far, in position order. */
    List<AttributeColumnBuilder.Numeric> columns() {
        return List.copyOf(columns);
    }

    private static float parse(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw new NumberFormatException(token);
            }
        }
        return Float.parseFloat(token);
    }
}
