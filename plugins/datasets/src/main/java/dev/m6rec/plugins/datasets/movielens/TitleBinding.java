package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.RecordReader;

/** A movie title as text, and the year at its end ({@code Heat (1995)}) as a number. */
final class TitleBinding implements FieldBinding {
    private final int field;
    private final AttributeColumnBuilder.Text titles;
    private final AttributeColumnBuilder.Numeric years;
    private String title;

    TitleBinding(int field, AttributeColumnBuilder.Text titles, AttributeColumnBuilder.Numeric years) {
        this.field = field;
        this.titles = titles;
        this.years = years;
    }

    @Override
    public void stage(RecordReader reader) {
        title = reader.textOrNull(field);
    }

    @Override
    public void commit(int row) {
        titles.set(row, title);
        years.set(row, TitleYear.of(title));
    }
}
