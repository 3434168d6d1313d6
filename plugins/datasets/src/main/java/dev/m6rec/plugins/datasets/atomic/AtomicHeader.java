package dev.m6rec.plugins.datasets.atomic;

import dev.m6rec.api.DataException;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a RecBole atomic file: tab-separated {@code name:type} fields, e.g.
 * {@code user_id:token	item_id:token	rating:float	timestamp:float}.
 */
final class AtomicHeader {
    private final RecordReader reader;
    private final long line;
    private final List<String> names;
    private final List<AtomicFieldType> types;

    private AtomicHeader(RecordReader reader, long line, List<String> names, List<AtomicFieldType> types) {
        this.reader = reader;
        this.line = line;
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
    }

    /** Reads and checks the header of {@code reader}'s file. */
    static AtomicHeader read(RecordReader reader) {
        List<String> fields = reader.header();
        long line = reader.line();
        List<String> names = new ArrayList<>();
        List<AtomicFieldType> types = new ArrayList<>();
        for (String field : fields) {
            int colon = field.lastIndexOf(':');
            if (colon <= 0) {
                throw new DataException(reader.file(), line, "field '" + field
                        + "' has no type (expected name:type, e.g. age:float)");
            }
            String name = field.substring(0, colon);
            AtomicFieldType type = AtomicFieldType.of(field.substring(colon + 1));
            if (type == null) {
                throw new DataException(reader.file(), line, "field '" + name + "' has unknown type '"
                        + field.substring(colon + 1) + "' (expected token, token_seq, float or float_seq)");
            }
            if (names.contains(name)) {
                throw new DataException(reader.file(), line, "duplicate field '" + name + "'");
            }
            names.add(name);
            types.add(type);
        }
        return new AtomicHeader(reader, line, names, types);
    }

    int size() {
        return names.size();
    }

    String name(int field) {
        return names.get(field);
    }

    AtomicFieldType type(int field) {
        return types.get(field);
    }

    /** The position of a field, or -1. */
    int find(String name) {
        return names.indexOf(name);
    }

    /** The position of a field that must be there. */
    int require(String name) {
        int field = find(name);
        if (field < 0) {
            List<String> shown = new ArrayList<>();
            for (int f = 0; f < names.size(); f++) {
                shown.add(names.get(f) + ":" + types.get(f).label());
            }
            throw new DataException(reader.file(), line, "missing field '" + name + "' (header has "
                    + String.join(", ", shown) + ")");
        }
        return field;
    }
}
