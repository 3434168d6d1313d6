package dev.m6rec.plugins.spark;

import dev.m6rec.api.data.Interactions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A slice of the training interactions as primitive arrays: what the driver ships to one Spark
 * partition (Spark serializes tasks; nothing here is stored), expanded into rows on the executor.
 */
record RatingChunk(int[] users, int[] items, float[] ratings) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code train} cut into at most {@code maxRows} rows per chunk; a row's rating is 1 when there are none. */
    static List<RatingChunk> of(Interactions train, int maxRows) {
        List<RatingChunk> chunks = new ArrayList<>();
        for (int from = 0; from < train.size(); from += maxRows) {
            int n = Math.min(maxRows, train.size() - from);
            int[] users = new int[n];
            int[] items = new int[n];
            float[] ratings = new float[n];
            for (int k = 0; k < n; k++) {
                users[k] = train.user(from + k);
                items[k] = train.item(from + k);
                ratings[k] = train.hasRatings() ? train.rating(from + k) : 1f;
            }
            chunks.add(new RatingChunk(users, items, ratings));
        }
        return chunks;
    }

    /** The chunk's rows, made one at a time as Spark reads them. */
    Iterator<Row> rows() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < users.length;
            }

            @Override
            public Row next() {
                if (next >= users.length) {
                    throw new java.util.NoSuchElementException();
                }
                int k = next++;
                return RowFactory.create(users[k], items[k], ratings[k]);
            }
        };
    }
}
