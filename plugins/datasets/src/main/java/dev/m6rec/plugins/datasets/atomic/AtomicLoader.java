package dev.m6rec.plugins.datasets.atomic;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.AttributeFileReader;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.DatasetAssembler;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Loads RecBole atomic files {@code NAME.inter} and, when present, {@code NAME.user} and
 * {@code NAME.item} from a folder. Fields of the user and item files other than the id become
 * attribute columns named as in the header: token -> categorical, token_seq -> tags, float ->
 * numeric, float_seq -> numeric columns {@code name[0]}, {@code name[1]}, ... (or none, with
 * {@code float-seq: skip}); fields listed in {@code text-fields} are read as text. Fields of the
 * inter file beyond user, item, rating and timestamp describe single interactions, which a
 * {@link Dataset} has no place for: they are not read.
 */
final class AtomicLoader implements DatasetLoader {
    private final AtomicSettings settings;

    AtomicLoader(AtomicSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Dataset load() {
        Path folder = settings.path();
        String name = settings.baseName();
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, Files.exists(folder) ? "is not a directory (give the folder of the atomic files)"
                    : "does not exist");
        }
        DatasetAssembler data;
        try (RecordReader reader = open(folder.resolve(name + ".inter"))) {
            AtomicHeader header = AtomicHeader.read(reader);
            int user = header.require(settings.userField());
            int item = header.require(settings.itemField());
            int rating = settings.ratingRequired() ? header.require(settings.ratingField()) : header.find(settings.ratingField());
            int timestamp = settings.timestampRequired() ? header.require(settings.timestampField())
                    : header.find(settings.timestampField());
            data = new DatasetAssembler(new ByteStringIndex(UTF_8), new ByteStringIndex(UTF_8),
                    new InteractionColumns(rating >= 0, timestamp >= 0));
            InteractionFileReader.exactly(header.size(), user, item, rating, timestamp)
                    .read(reader, true, data.users(), data.items(), data.rows());
            data.finished(reader);
        }
        data.interactionsDone();
        readAttributes(folder.resolve(name + ".user"), "user", settings.userField(), data, data.users(),
                data::userColumn);
        readAttributes(folder.resolve(name + ".item"), "item", settings.itemField(), data, data.items(),
                data::itemColumn);
        return data.assemble(name);
    }

    private void readAttributes(Path file, String entity, String idField, DatasetAssembler data, ByteStringIndex ids,
                                Consumer<AttributeColumnBuilder> register) {
        if (!Files.exists(file)) {
            return;
        }
        // each field's columns, in header order; a float_seq field's count is known only after reading
        List<Supplier<List<? extends AttributeColumnBuilder>>> order = new ArrayList<>();
        try (RecordReader reader = open(file)) {
            AtomicHeader header = AtomicHeader.read(reader);
            int id = header.require(idField);
            List<FieldBinding> bindings = new ArrayList<>();
            Set<String> text = Set.copyOf(settings.textFields());
            for (int f = 0; f < header.size(); f++) {
                if (f == id) {
                    continue;
                }
                String name = header.name(f);
                AtomicFieldType type = header.type(f);
                if (text.contains(name)) {
                    AttributeColumnBuilder.Text column = new AttributeColumnBuilder.Text(name);
                    bindings.add(column.bind(f));
                    order.add(() -> List.of(column));
                } else if (type == AtomicFieldType.TOKEN) {
                    AttributeColumnBuilder.Categorical column = new AttributeColumnBuilder.Categorical(name);
                    bindings.add(column.bind(f));
                    order.add(() -> List.of(column));
                } else if (type == AtomicFieldType.TOKEN_SEQ) {
                    AttributeColumnBuilder.Tags column = new AttributeColumnBuilder.Tags(name);
                    bindings.add(column.bind(f, " "));
                    order.add(() -> List.of(column));
                } else if (type == AtomicFieldType.FLOAT) {
                    AttributeColumnBuilder.Numeric column = new AttributeColumnBuilder.Numeric(name);
                    bindings.add(column.bind(f));
                    order.add(() -> List.of(column));
                } else if (settings.expandFloatSequences()) {
                    FloatSequenceColumns sequence = new FloatSequenceColumns(name, f);
                    bindings.add(sequence);
                    order.add(sequence::columns);
                }
            }
            new AttributeFileReader(entity, id, header.size(), true, bindings).read(reader, true, ids);
            data.finished(reader);
        }
        for (Supplier<List<? extends AttributeColumnBuilder>> columns : order) {
            columns.get().forEach(register);
        }
    }

    private RecordReader open(Path file) {
        return RecordReader.open(file, Delimiter.TAB, false, UTF_8, settings.onError());
    }
}
