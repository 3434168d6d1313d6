package dev.m6rec.plugins.datasets.csv;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.AttributeFileReader;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.DatasetAssembler;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.HeaderColumns;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads interactions from any delimited file with a column mapping, plus optional user and item
 * attribute files. With a header, records must have as many fields as the header; without one,
 * at least as many as the highest mapped position needs.
 */
final class CsvLoader implements DatasetLoader {
    private final CsvLayout layout;
    private final ProgressReporter progress;

    CsvLoader(CsvLayout layout, ProgressReporter progress) {
        this.layout = requireNonNull(layout, "layout is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public Dataset load() {
        DelimitedFormat format = layout.format();
        boolean withRatings = layout.rating() != null;
        boolean withTimestamps = layout.timestamp() != null;
        DatasetAssembler data = new DatasetAssembler(new ByteStringIndex(format.charset()),
                new ByteStringIndex(format.charset()), new InteractionColumns(withRatings, withTimestamps));
        try (ProgressTask task = progress.begin("data: " + layout.path().getFileName() + " rows", 0);
             RecordReader reader = format.open(layout.path(), layout.onError()).reportTo(task)) {
            layout.interactionReader(reader).read(reader, format.header(), data.users(), data.items(), data.rows());
            data.finished(reader);
        }
        data.interactionsDone();
        if (layout.userAttributes() != null) {
            readAttributes(layout.userAttributes(), "user", data, data.users(), data::userColumn);
        }
        if (layout.itemAttributes() != null) {
            readAttributes(layout.itemAttributes(), "item", data, data.items(), data::itemColumn);
        }
        return data.assemble(layout.name());
    }

    private void readAttributes(AttributeFileSpec file, String entity, DatasetAssembler data, ByteStringIndex ids,
                                Consumer<AttributeColumnBuilder> register) {
        DelimitedFormat format = file.format();
        try (RecordReader reader = format.open(file.path(), layout.onError())) {
            HeaderColumns header = format.header() ? HeaderColumns.read(reader) : null;
            int id = file.id().resolve(header);
            int highest = id;
            List<FieldBinding> bindings = new ArrayList<>();
            for (AttributeColumnSpec column : file.columns()) {
                int field = column.source().resolve(header);
                highest = Math.max(highest, field);
                bindings.add(bind(column, field, register));
            }
            AttributeFileReader rows = header != null
                    ? new AttributeFileReader(entity, id, header.size(), true, bindings)
                    : new AttributeFileReader(entity, id, highest + 1, false, bindings);
            rows.read(reader, header != null, ids);
            data.finished(reader);
        }
    }

    private static FieldBinding bind(AttributeColumnSpec column, int field, Consumer<AttributeColumnBuilder> register) {
        switch (column.kind()) {
            case NUMERIC: {
                AttributeColumnBuilder.Numeric numbers = new AttributeColumnBuilder.Numeric(column.name());
                register.accept(numbers);
                return numbers.bind(field);
            }
            case CATEGORICAL: {
                AttributeColumnBuilder.Categorical tokens = new AttributeColumnBuilder.Categorical(column.name());
                register.accept(tokens);
                return tokens.bind(field);
            }
            case TAGS: {
                AttributeColumnBuilder.Tags tags = new AttributeColumnBuilder.Tags(column.name());
                register.accept(tags);
                return tags.bind(field, column.separator());
            }
            default: {
                AttributeColumnBuilder.Text text = new AttributeColumnBuilder.Text(column.name());
                register.accept(text);
                return text.bind(field);
            }
        }
    }
}
