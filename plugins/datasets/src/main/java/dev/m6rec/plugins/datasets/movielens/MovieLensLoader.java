package dev.m6rec.plugins.datasets.movielens;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.dataset.DatasetLoader;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a MovieLens folder in whichever layout it holds (or the one configured). */
final class MovieLensLoader implements DatasetLoader {
    private final Path folder;
    private final String layout;
    private final boolean readTags;
    private final OnError onError;
    private final Charset encoding;
    private final ProgressReporter progress;

    /**
     * @param layout   {@code auto}, {@code 100k}, {@code 1m} or {@code csv}
     * @param encoding the files' character set, or {@code null} for the layout's
     */
    MovieLensLoader(Path folder, String layout, boolean readTags, OnError onError, Charset encoding,
                    ProgressReporter progress) {
        this.folder = requireNonNull(folder, "folder is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.readTags = readTags;
        this.onError = requireNonNull(onError, "onError is null");
        this.encoding = encoding;
        this.progress = requireNonNull(progress, "progress is null");
    }

    @Override
    public Dataset load() {
        if (!Files.exists(folder)) {
            throw new DataException(folder, "does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, "is not a directory (give the MovieLens folder)");
        }
        MovieLensLayout chosen = layout.equals("auto") ? MovieLensLayout.detect(folder) : MovieLensLayout.named(layout);
        Path name = folder.toAbsolutePath().normalize().getFileName();
        try (ProgressTask ratings = progress.begin("data: " + chosen.ratingsFile() + " rows", 0)) {
            return chosen.files().read(folder, name == null ? "movielens" : name.toString(), onError, readTags,
                    encoding != null ? encoding : chosen.charset(), ratings);
        }
    }
}
