package dev.m6rec.plugins.datasets.reliability;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoaderFactory;
import dev.m6rec.plugins.datasets.LoaderConfigs;
import dev.m6rec.plugins.datasets.TextFiles;
import dev.m6rec.plugins.datasets.atomic.AtomicLoaderFactory;
import dev.m6rec.plugins.datasets.csv.CsvLoaderFactory;
import dev.m6rec.plugins.datasets.movielens.MovieLensLoaderFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One small valid dataset per file loader, with its interaction file written from rows given as
 * {user, item, rating}, so a test can put one hostile value into every loader's format.
 *
 * @param name     the loader's label in test names
 * @param fileName the interaction file, relative to the data folder
 */
record HostileDataFiles(String name, String fileName, Charset charset, Function<List<String[]>, String> format,
                        DatasetLoaderFactory<?> factory, Map<String, Object> section) {

    static final List<String[]> VALID_ROWS = List.of(new String[] {"u1", "i1", "4"}, new String[] {"u2", "i1", "3"},
            new String[] {"u1", "i2", "5"});

    static List<HostileDataFiles> all() {
        return List.of(
                new HostileDataFiles("csv", "data/r.csv", UTF_8, rows -> lines("user,item,rating", rows, ","),
                        new CsvLoaderFactory(), Map.of("path", "data/r.csv",
                        "columns", Map.of("user", "user", "item", "item", "rating", "rating"))),
                new HostileDataFiles("movielens-100k", "data/u.data", ISO_8859_1, rows -> lines(null, rows, "\t", "881250949"),
                        new MovieLensLoaderFactory(), Map.of("path", "data", "layout", "100k")),
                new HostileDataFiles("movielens-1m", "data/ratings.dat", ISO_8859_1, rows -> lines(null, rows, "::", "978300760"),
                        new MovieLensLoaderFactory(), Map.of("path", "data", "layout", "1m")),
                new HostileDataFiles("movielens-csv", "data/ratings.csv", UTF_8,
                        rows -> lines("userId,movieId,rating,timestamp", rows, ",", "964982703"),
                        new MovieLensLoaderFactory(), Map.of("path", "data", "layout", "csv")),
                new HostileDataFiles("atomic", "data/data.inter", UTF_8,
                        rows -> lines("user_id:token\titem_id:token\trating:float", rows, "\t"),
                        new AtomicLoaderFactory(), Map.of("path", "data")));
    }

    private static String lines(String header, List<String[]> rows, String delimiter, String... extra) {
        StringBuilder text = new StringBuilder(header == null ? "" : header + "\n");
        for (String[] row : rows) {
            text.append(String.join(delimiter, row));
            for (String e : extra) {
                text.append(delimiter).append(e);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Writes the interaction file from {@code rows}; the line of row r is {@link #lineOf}(r). */
    Path write(Path dir, List<String[]> rows) {
        Path file = dir.resolve(fileName);
        return TextFiles.write(file.getParent(), file.getFileName().toString(), format.apply(rows), charset);
    }

    /** Writes raw bytes as the interaction file. */
    Path writeBytes(Path dir, byte[] bytes) {
        Path file = dir.resolve(fileName);
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            return java.nio.file.Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The 1-based line of data row {@code row} (0-based). */
    int lineOf(int row) {
        return row + (format.apply(List.of()).isEmpty() ? 1 : 2);
    }

    Dataset load(Path dir, Object... extra) {
        Map<String, Object> s = new HashMap<>(section);
        for (int k = 0; k < extra.length; k += 2) {
            s.put((String) extra[k], extra[k + 1]);
        }
        return LoaderConfigs.load(factory, dir, s);
    }

    @Override
    public String toString() {
        return name;
    }
}
