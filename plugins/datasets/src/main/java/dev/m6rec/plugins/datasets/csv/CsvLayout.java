package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.config.ConfigSchema;
import dev.m6rec.api.config.Problems;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.HeaderColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link CsvSettings} mean for reading: each file's format, each column's name or position,
 * the attribute columns, the dataset's name. Only {@link #of} makes one, from checked settings.
 *
 * @param rating         the rating column, or {@code null} for implicit feedback (every rating 1)
 * @param timestamp      the timestamp column, or {@code null} (file order)
 * @param userAttributes the user attribute file, or {@code null}
 * @param itemAttributes the item attribute file, or {@code null}
 */
record CsvLayout(Path path, String name, DelimitedFormat format, ColumnRef user, ColumnRef item, ColumnRef rating,
                 ColumnRef timestamp, AttributeFileSpec userAttributes, AttributeFileSpec itemAttributes,
                 OnError onError) {
    private static final ConfigSchema SCHEMA = ConfigSchema.of(CsvSettings.class);

    /** The layout, or {@code null} once every problem is reported (keys relative to the section). */
    static CsvLayout of(CsvSettings s, Problems problems) {
        boolean[] failed = {false};
        Problems tally = (key, message) -> {
            failed[0] = true;
            problems.add(key, message);
        };
        Delimiter delimiter = delimiter("delimiter", s.delimiter(), tally);
        Charset charset = charset("encoding", s.encoding(), tally);
        CsvSettings.Columns columns = s.columns();
        ColumnRef user = ColumnRef.parse("columns.user", columns.user(), s.header(), tally);
        ColumnRef item = ColumnRef.parse("columns.item", columns.item(), s.header(), tally);
        ColumnRef rating = columns.rating() == null ? null
                : ColumnRef.parse("columns.rating", columns.rating(), s.header(), tally);
        ColumnRef timestamp = columns.timestamp() == null ? null
                : ColumnRef.parse("columns.timestamp", columns.timestamp(), s.header(), tally);
        if (user != null && user.equals(item)) {
            tally.add("columns.item", "must differ from columns.user (both are '" + user + "')");
        }
        AttributeFileSpec users = attributeFile("user-attributes", s.userAttributes(), s, delimiter, charset, tally);
        AttributeFileSpec items = attributeFile("item-attributes", s.itemAttributes(), s, delimiter, charset, tally);
        if (failed[0]) {
            return null;
        }
        String name = s.name() != null ? s.name() : s.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return new CsvLayout(s.path(), name, new DelimitedFormat(delimiter, s.header(), s.quoting(), charset), user,
                item, rating, timestamp, users, items, s.onError());
    }

    /**
     * The reader of the interaction records of a file opened by {@link DelimitedFormat#open}: with a
     * header (read here, from {@code reader}) records have as many fields as it and columns are
     * found by name; without one, records have at least the fields the mapped positions need.
     */
    InteractionFileReader interactionReader(RecordReader reader) {
        if (format.header()) {
            HeaderColumns header = HeaderColumns.read(reader);
            return InteractionFileReader.exactly(header.size(), user.resolve(header), item.resolve(header),
                    rating != null ? rating.resolve(header) : -1, timestamp != null ? timestamp.resolve(header) : -1);
        }
        return InteractionFileReader.atLeast(user.index(), item.index(), rating != null ? rating.index() : -1,
                timestamp != null ? timestamp.index() : -1);
    }

    /** An attribute file; unset format keys take the main file's values, whose problems were reported there. */
    private static AttributeFileSpec attributeFile(String at, CsvSettings.AttributeFile file, CsvSettings main,
                                                   Delimiter mainDelimiter, Charset mainCharset, Problems problems) {
        if (!file.given()) {
            return null;
        }
        boolean header = file.header() == null ? main.header() : file.header();
        if (file.path() == null) {
            required(at + ".path", problems);
        }
        Delimiter delimiter = file.delimiter() == null ? mainDelimiter
                : delimiter(at + ".delimiter", file.delimiter(), problems);
        Charset charset = file.encoding() == null ? mainCharset : charset(at + ".encoding", file.encoding(), problems);
        ColumnRef id = file.id() == null ? required(at + ".id", problems)
                : ColumnRef.parse(at + ".id", file.id(), header, problems);
        List<AttributeColumnSpec> columns = file.columns().isEmpty() ? required(at + ".columns", problems)
                : AttributeColumnMapping.read(at + ".columns", file.columns(), header, problems);
        if (file.path() == null || delimiter == null || charset == null || id == null || columns == null) {
            return null;
        }
        boolean quoting = file.quoting() == null ? main.quoting() : file.quoting();
        DelimitedFormat format = new DelimitedFormat(delimiter, header, quoting, charset);
        return new AttributeFileSpec(file.path(), format, id, columns);
    }

    /** Reports {@code key} as required, as core words it for keys the schema requires; null. */
    private static <T> T required(String key, Problems problems) {
        problems.add(key, "required (" + SCHEMA.param(key).orElseThrow().description() + ")");
        return null;
    }

    private static Delimiter delimiter(String key, String text, Problems problems) {
        if (text.isEmpty()) {
            problems.add(key, "must not be empty");
            return null;
        }
        return Delimiter.parse(text);
    }

    private static Charset charset(String key, String name, Problems problems) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add(key, "unknown character set '" + name + "'");
            return null;
        }
    }
}
