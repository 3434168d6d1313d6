package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.util.List;

/**
 * The occupations ml-1m codes as 0-20 (from its README), so the {@code occupation} column holds
 * names as in ml-100k. A code outside the list is kept as written.
 */
final class OccupationCodes {
    static final List<String> NAMES = List.of("other", "academic/educator", "artist", "clerical/admin",
            "college/grad student", "customer service", "doctor/health care", "executive/managerial", "farmer",
            "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
            "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

    private OccupationCodes() {
    }

    /** The name of a code as written in the file, or the text itself when it is not a known code. */
    static String name(String code) {
        if (code == null) {
            return null;
        }
        for (int k = 0; k < NAMES.size(); k++) {
            if (code.equals(Integer.toString(k))) {
                return NAMES.get(k);
            }
        }
        return code;
    }

    /** Reads an occupation code field into a categorical column of names. */
    static final class Binding implements FieldBinding {
        private final int field;
        private final AttributeColumnBuilder.Categorical column;
        private String staged;

        Binding(int field, AttributeColumnBuilder.Categorical column) {
            this.field = field;
            this.column = column;
        }

        @Override
        public void stage(RecordReader reader) {
            staged = name(reader.textOrNull(field));
        }

        @Override
        public void commit(int row) {
            column.set(row, staged);
        }
    }
}
