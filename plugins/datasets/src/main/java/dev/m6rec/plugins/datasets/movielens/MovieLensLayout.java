package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.api.DataException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The three file layouts MovieLens has been published in, each recognised by its ratings file.
 * {@code layout: auto} picks the one whose ratings file the folder holds.
 */
enum MovieLensLayout {
    /** ml-100k: {@code u.data}, {@code u.user}, {@code u.item}, {@code u.genre}. */
    ML_100K("100k", "u.data", new MovieLens100kFiles(), StandardCharsets.ISO_8859_1),
    /** ml-1m (and ml-10m's ratings): {@code ratings.dat}, {@code users.dat}, {@code movies.dat}. */
    ML_1M("1m", "ratings.dat", new MovieLens1mFiles(), StandardCharsets.ISO_8859_1),
    /** ml-latest, ml-20m, ml-25m: {@code ratings.csv}, {@code movies.csv}, {@code tags.csv}. */
    CSV("csv", "ratings.csv", new MovieLensCsvFiles(), StandardCharsets.UTF_8);

    private final String configName;
    private final String ratingsFile;
    private final MovieLensFiles files;
    private final Charset charset;

    /** @param charset what GroupLens published the layout in: Latin-1 for the .dat/.data files, UTF-8 for CSV */
    MovieLensLayout(String configName, String ratingsFile, MovieLensFiles files, Charset charset) {
        this.configName = configName;
        this.ratingsFile = ratingsFile;
        this.files = files;
        this.charset = charset;
    }

    Charset charset() {
        return charset;
    }

    String configName() {
        return configName;
    }

    String ratingsFile() {
        return ratingsFile;
    }

    MovieLensFiles files() {
        return files;
    }

    /** The layout called {@code name} in config ({@code 100k}, {@code 1m}, {@code csv}). */
    static MovieLensLayout named(String name) {
        for (MovieLensLayout layout : values()) {
            if (layout.configName.equals(name)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout " + name);
    }

    /** The layout of {@code folder}, from the ratings file it holds. */
    static MovieLensLayout detect(Path folder) {
        List<MovieLensLayout> found = new ArrayList<>();
        for (MovieLensLayout layout : values()) {
            if (Files.isRegularFile(folder.resolve(layout.ratingsFile))) {
                found.add(layout);
            }
        }
        if (found.isEmpty()) {
            throw new DataException(folder, "no MovieLens ratings file found (expected u.data, ratings.dat or ratings.csv)");
        }
        if (found.size() > 1) {
            throw new DataException(folder, "holds several MovieLens layouts ("
                    + found.stream().map(l -> l.ratingsFile).collect(Collectors.joining(", "))
                    + "); set layout to one of " + found.stream().map(l -> l.configName).collect(Collectors.toList()));
        }
        return found.get(0);
    }
}
