package dev.m6rec.plugins.datasets.movielens;

import dev.m6rec.plugins.datasets.io.AttributeColumnBuilder;
import dev.m6rec.plugins.datasets.io.FieldBinding;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.util.Arrays;

/** {@code |}-separated genres; MovieLens's {@code (no genres listed)} means none. */
final class GenresBinding implements FieldBinding {
    static final String NO_GENRES = "(no genres listed)";
    private final int field;
    private final AttributeColumnBuilder.Tags genres;
    private String[] staged;

    GenresBinding(int field, AttributeColumnBuilder.Tags genres) {
        this.field = field;
        this.genres = genres;
    }

    @Override
    public void stage(RecordReader reader) {
        staged = Arrays.stream(reader.tokens(field, "|")).filter(g -> !g.equals(NO_GENRES)).toArray(String[]::new);
    }

    @Override
    public void commit(int row) {
        genres.set(row, staged);
    }
}
