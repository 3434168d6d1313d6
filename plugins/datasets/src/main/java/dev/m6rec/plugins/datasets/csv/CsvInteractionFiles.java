package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The interaction files of a {@code csv} section, read one file at a time with the {@code csv}
 * loader's own reader, for an engine that reads the files of a folder in parallel (the Spark
 * module): the same column mapping, header, quoting, number parsing and {@code on-error}, and the
 * same {@code file:line} messages. It holds only the section's text, so it can be shipped to
 * executors and rebuilt there.
 *
 * <p>{@code path} may be a file, as for the {@code csv} loader, or a folder whose visible files
 * (names not starting with {@code .} or {@code _}, as Spark writes {@code _SUCCESS} and
 * {@code .crc} files) are read in name order, each with its own header when {@code header} is true.
 *
 * <pre>{@code
 * CsvInteractionFiles files = CsvInteractionFiles.of(settings, "data");
 * CsvInteractionFiles.FileRows rows = files.read(files.files().get(0), false);
 * }</pre>
 */
public final class CsvInteractionFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String name;
    private final String delimiter;
    private final boolean header;
    private final boolean quoting;
    private final String encoding;
    private final String user;
    private final String item;
    private final String rating;
    private final String timestamp;
    private final OnError onError;
    private final boolean attributeFiles;

    private CsvInteractionFiles(CsvSettings s, CsvLayout layout) {
        this.path = s.path().toString();
        this.name = layout.name();
        this.delimiter = s.delimiter();
        this.header = s.header();
        this.quoting = s.quoting();
        this.encoding = s.encoding();
        this.user = s.columns().user();
        this.item = s.columns().item();
        this.rating = s.columns().rating();
        this.timestamp = s.columns().timestamp();
        this.onError = s.onError();
        this.attributeFiles = layout.userAttributes() != null || layout.itemAttributes() != null;
    }

    /**
     * The files of a checked {@code csv} section at {@code key} ({@code data}).
     *
     * @throws ConfigException naming the key, should the section not have been checked
     */
    public static CsvInteractionFiles of(CsvSettings settings, String key) {
        return new CsvInteractionFiles(settings, layout(settings, key));
    }

    private static CsvLayout layout(CsvSettings settings, String key) {
        return CsvLayout.of(settings, (at, message) -> {
            throw new ConfigException(key + "." + at, message);
        });
    }

    /** The dataset's name, as the {@code csv} loader names it. */
    public String name() {
        return name;
    }

    public boolean hasRatings() {
        return rating != null;
    }

    public boolean hasTimestamps() {
        return timestamp != null;
    }

    /** Whether user or item attribute files are configured (which this class does not read). */
    public boolean hasAttributeFiles() {
        return attributeFiles;
    }

    public OnError onError() {
        return onError;
    }

    /** The configured path: a file or a folder. */
    public Path path() {
        return Path.of(path);
    }

    /**
     * The path when it is a file, else the folder's visible files in name order.
     *
     * @throws DataException when the path does not exist or the folder has no visible file
     */
    public List<Path> files() {
        Path p = path();
        if (!Files.exists(p)) {
            throw new DataException(p, "does not exist");
        }
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> listed = Files.list(p)) {
            List<Path> files = listed.filter(f -> !f.getFileName().toString().startsWith(".")
                    && !f.getFileName().toString().startsWith("_") && Files.isRegularFile(f)).sorted().toList();
            if (files.isEmpty()) {
                throw new DataException(p, "is a folder without data files");
            }
            return files;
        } catch (IOException e) {
            throw new DataException(p, "cannot be listed (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads one file's rows, in file order.
     *
     * @param oneOfMany whether the file is one of a folder's, where a file without rows (a part file
     *                  Spark wrote for an empty partition) is no error; the folder as a whole is checked
     *                  by the caller
     * @throws DataException as the {@code csv} loader throws it for this file
     */
    public FileRows read(Path file, boolean oneOfMany) {
        CsvSettings settings = new CsvSettings(file, name, delimiter, header, quoting, encoding,
                new CsvSettings.Columns(user, item, rating, timestamp), NO_FILE, NO_FILE, onError);
        CsvLayout layout = layout(settings, "data");
        ByteStringIndex users = new ByteStringIndex(layout.format().charset());
        ByteStringIndex items = new ByteStringIndex(layout.format().charset());
        InteractionColumns columns = new InteractionColumns(rating != null, timestamp != null);
        long skipped;
        try (RecordReader reader = layout.format().open(file, onError)) {
            try {
                layout.interactionReader(reader).read(reader, header, users, items, columns);
            } catch (DataException e) {
                boolean noRows = columns.size() == 0
                        && (e.getMessage().equals(new DataException(file, "is empty").getMessage())
                        || e.getMessage().equals(InteractionFileReader.noRows(reader, header).getMessage()));
                if (!oneOfMany || !noRows) {
                    throw e;
                }
            }
            skipped = reader.skipped();
        }
        return new FileRows(users, items, columns.build(users.size(), items.size()), skipped);
    }

    /** The rows of one file with their ids as text, and how many lines {@code on-error: skip} skipped. */
    public static final class FileRows {
        private final ByteStringIndex users;
        private final ByteStringIndex items;
        private final Interactions rows;
        private final long skipped;

        private FileRows(ByteStringIndex users, ByteStringIndex items, Interactions rows, long skipped) {
            this.users = users;
            this.items = items;
            this.rows = rows;
            this.skipped = skipped;
        }

        public int size() {
            return rows.size();
        }

        public String user(int row) {
            return users.id(rows.user(row));
        }

        public String item(int row) {
            return items.id(rows.item(row));
        }

        /** The rating, 1 without a rating column (as the loader's implicit feedback). */
        public float rating(int row) {
            return rows.hasRatings() ? rows.rating(row) : 1f;
        }

        /** The timestamp, 0 without a timestamp column. */
        public long timestamp(int row) {
            return rows.hasTimestamps() ? rows.timestamp(row) : 0L;
        }

        public long skipped() {
            return skipped;
        }
    }

    private static final CsvSettings.AttributeFile NO_FILE =
            new CsvSettings.AttributeFile(null, null, Map.of(), null, null, null, null);
}
