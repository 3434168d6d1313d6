package dev.m6rec.plugins.datasets.movielens;


import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.AttributeFileReader;
import dev.m6rec.plugins.datasets.io.ByteStringIndex;
import dev.m6rec.plugins.datasets.io.DatasetAssembler;
import dev.m6rec.plugins.datasets.io.Delimiter;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.InteractionColumns;
import dev.m6rec.plugins.datasets.io.InteractionFileReader;
import dev.m6rec.plugins.datasets.io.MalformedRecordException;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.file.Files;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ml-100k: {@code u.data} (user, item, rating, timestamp; tab-separated) and, when present,
 * {@code u.user} (id|age|gender|occupation|zip), {@code u.item} (id|title|release date|video
 * release date|IMDb URL|one 0/1 flag per genre) and {@code u.genre} (name|index; the standard 19
 * genres when absent). Latin-1. Items: {@code title} (text), {@code year} (from the title, else the
 * release date), {@code release-date} (days since 1970-01-01), {@code genres} (tags); the video
 * release date and the URL are not read.
 */
final class MovieLens100kFiles implements MovieLensFiles {
    static final List<String> STANDARD_GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final int MAX_GENRES = 1000;
    // "d", not "dd": the genuine u.item writes one item's date with a one-digit day (line 1373:
    // "4-Feb-1971"), every other with two.
    private static final DateTimeFormatter RELEASE_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

    @Override
    public Dataset read(Path folder, String name, OnError onError, boolean readTags, Charset charset,
                        ProgressTask ratings) {
        DatasetAssembler data = new DatasetAssembler(new ByteStringIndex(charset), new ByteStringIndex(charset),
                new InteractionColumns(true, true));
        try (RecordReader reader = RecordReader.open(folder.resolve("u.data"), Delimiter.TAB, false, charset, onError)
                .reportTo(ratings)) {
            InteractionFileReader.exactly(4, 0, 1, 2, 3).read(reader, false, data.users(), data.items(), data.rows());
            data.finished(reader);
        }
        data.interactionsDone();
        Path users = folder.resolve("u.user");
        if (Files.exists(users)) {
            List<FieldBinding> bindings = List.of(
                    data.userColumn(new AttributeColumnBuilder.Numeric("age")).bind(1),
                    data.userColumn(new AttributeColumnBuilder.Categorical("gender")).bind(2),
                    data.userColumn(new AttributeColumnBuilder.Categorical("occupation")).bind(3),
                    data.userColumn(new AttributeColumnBuilder.Categorical("zip")).bind(4));
            readAttributes(users, onError, charset, data, new AttributeFileReader("user", 0, 5, true, bindings), data.users());
        }
        Path items = folder.resolve("u.item");
        if (Files.exists(items)) {
            List<String> genres = genres(folder.resolve("u.genre"), onError, charset, data);
            List<FieldBinding> bindings = List.of(
                    new ReleaseBinding(data.itemColumn(new AttributeColumnBuilder.Text("title")),
                            data.itemColumn(new AttributeColumnBuilder.Numeric("year")),
                            data.itemColumn(new AttributeColumnBuilder.Numeric("release-date"))),
                    new GenreFlagsBinding(genres, data.itemColumn(new AttributeColumnBuilder.Tags("genres"))));
            readAttributes(items, onError, charset, data, new AttributeFileReader("item", 0, 5 + genres.size(), true, bindings),
                    data.items());
        }
        return data.assemble(name);
    }

    private static void readAttributes(Path file, OnError onError, Charset charset, DatasetAssembler data, AttributeFileReader rows,
                                       ByteStringIndex ids) {
        try (RecordReader reader = RecordReader.open(file, Delimiter.PIPE, false, charset, onError)) {
            rows.read(reader, false, ids);
            data.finished(reader);
        }
    }

    /** The genre names by flag position, from {@code u.genre} when present. */
    private static List<String> genres(Path file, OnError onError, Charset charset, DatasetAssembler data) {
        if (!Files.exists(file)) {
            return STANDARD_GENRES;
        }
        String[] names = new String[0];
        try (RecordReader reader = RecordReader.open(file, Delimiter.PIPE, false, charset, onError)) {
            while (reader.next()) {
                try {
                    reader.expectFields(2);
                    long index = reader.wholeNumber(1, "genre index");
                    if (index < 0 || index >= MAX_GENRES) {
                        throw new MalformedRecordException("genre index " + index + " is out of range [0, " + MAX_GENRES + ")");
                    }
                    if (index < names.length && names[(int) index] != null) {
                        throw new MalformedRecordException("duplicate genre index " + index);
                    }
                    String genre = reader.textOrNull(0);
                    if (genre == null) {
                        throw new MalformedRecordException("empty genre name");
                    }
                    if (index >= names.length) {
                        names = Arrays.copyOf(names, (int) index + 1);
                    }
                    names[(int) index] = genre;
                } catch (MalformedRecordException e) {
                    reader.reject(e);
                }
            }
            if (names.length == 0) {
                throw InteractionFileReader.noRows(reader, false);
            }
            for (int k = 0; k < names.length; k++) {
                if (names[k] == null) {
                    throw new DataException(file, "genre index " + k + " is missing");
                }
            }
            data.finished(reader);
        }
        return List.of(names);
    }

    /** Title, year and release date from fields 1 and 2 of {@code u.item}. */
    private static final class ReleaseBinding implements FieldBinding {
        private final AttributeColumnBuilder.Text titles;
        private final AttributeColumnBuilder.Numeric years;
        private final AttributeColumnBuilder.Numeric dates;
        private String title;
        private float year;
        private float date;

        ReleaseBinding(AttributeColumnBuilder.Text titles, AttributeColumnBuilder.Numeric years,
                       AttributeColumnBuilder.Numeric dates) {
            this.titles = titles;
            this.years = years;
            this.dates = dates;
        }

        @Override
        public void stage(RecordReader reader) {
            title = reader.textOrNull(1);
            String text = reader.textOrNull(2);
            LocalDate release = null;
            if (text != null) {
                try {
                    release = LocalDate.parse(text, RELEASE_DATE);
                } catch (DateTimeParseException e) {
                    throw new MalformedRecordException("release date '" + reader.show(2)
                            + "' is not a date like 01-Jan-1995");
                }
            }
            date = release == null ? Float.NaN : release.toEpochDay();
            year = TitleYear.of(title);
            if (Float.isNaN(year) && release != null) {
                year = release.getYear();
            }
        }

        @Override
        public void commit(int row) {
            titles.set(row, title);
            years.set(row, year);
            dates.set(row, date);
        }
    }

    /** The genre tags from the 0/1 flags that end a {@code u.item} record. */
    private static final class GenreFlagsBinding implements FieldBinding {
        private static final int FIRST_FLAG = 5;
        private final List<String> genres;
        private final AttributeColumnBuilder.Tags column;
        private final List<String> staged = new ArrayList<>();

        GenreFlagsBinding(List<String> genres, AttributeColumnBuilder.Tags column) {
            this.genres = genres;
            this.column = column;
        }

        @Override
        public void stage(RecordReader reader) {
            staged.clear();
            for (int g = 0; g < genres.size(); g++) {
                String flag = reader.text(FIRST_FLAG + g).strip();
                if (flag.equals("1")) {
                    staged.add(genres.get(g));
                } else if (!flag.equals("0")) {
                    throw new MalformedRecordException("genre flag '" + reader.show(FIRST_FLAG + g) + "' is not 0 or 1");
                }
            }
        }

        @Override
        public void commit(int row) {
            column.set(row, staged.toArray(new String[0]));
        }
    }
}
