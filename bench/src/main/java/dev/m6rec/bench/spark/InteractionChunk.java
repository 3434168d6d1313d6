package dev.m6rec.bench.spark;

import dev.m6rec.api.data.Interactions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A slice of generated interactions as primitive arrays, shipped to one Spark task and expanded
 * there into rows of MovieLens-20M's {@code ratings} columns ({@link #SCHEMA}; ids from 1, as
 * MovieLens numbers them), one row at a time as the Parquet writer asks.
 */
record InteractionChunk(int[] users, int[] items, float[] ratings, long[] timestamps) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code userId, movieId, rating, timestamp}: the columns of MovieLens-20M's ratings file. */
    static final StructType SCHEMA = new StructType()
            .add("userId", DataTypes.IntegerType, false)
            .add("movieId", DataTypes.IntegerType, false)
            .add("rating", DataTypes.FloatType, false)
            .add("timestamp", DataTypes.LongType, false);

    /** {@code data} cut into chunks of at most {@code maxRows} rows, in row order. */
    static List<InteractionChunk> of(Interactions data, int maxRows) {
        List<InteractionChunk> chunks = new ArrayList<>();
        for (int from = 0; from < data.size(); from += maxRows) {
            int n = Math.min(maxRows, data.size() - from);
            int[] users = new int[n];
            int[] items = new int[n];
            float[] ratings = new float[n];
            long[] timestamps = new long[n];
            for (int k = 0; k < n; k++) {
                users[k] = data.user(from + k) + 1;
                items[k] = data.item(from + k) + 1;
                ratings[k] = data.rating(from + k);
                timestamps[k] = data.timestamp(from + k);
            }
            chunks.add(new InteractionChunk(users, items, ratings, timestamps));
        }
        return chunks;
    }

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
                    throw new NoSuchElementException();
                }
                int k = next++;
                return RowFactory.create(users[k], items[k], ratings[k], timestamps[k]);
            }
        };
    }
}
