package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.api.ProgressTask;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.plugins.datasets.io.OnError;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** Reads the files of one MovieLens layout from a folder into a {@link Dataset}. */
interface MovieLensFiles {

    /**
     * @param folder   the dataset folder, known to hold this layout's ratings file
     * @param name     the dataset's name
     * @param onError  what to do with malformed lines
     * @param readTags whether to read free-text tags where the layout has them
     * @param charset  the files' character set ({@code encoding}, else the layout's)
     * @param ratings  counts the rows of the ratings file as they are read
     */
    Dataset read(Path folder, String name, OnError onError, boolean readTags, Charset charset, ProgressTask ratings);
}
