package dev.m6rec.spark;

import dev.m6rec.api.data.Interactions;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Prepared rows brought back to the driver as core's in-memory interactions: each executor packs
 * its partition into one array of primitives (ids already replaced by their index, from broadcast
 * maps), the driver puts the rows in {@code row} order and renumbers users and items as core's
 * filters compact its id spaces (the survivors, in their loaded order). No row is boxed on the
 * driver and no sort shuffles the rows on the cluster.
 *
 * @param users the surviving user ids, in the order of their index
 * @param items the surviving item ids, in the order of their index
 * @param parts the split's part of each row (0 train, 1 valid, 2 test), or null without a split column
 */
record DrivenRows(List<String> users, List<String> items, Interactions interactions, byte[] parts) {
    /** Bytes of one packed row: row, user, item, rating, timestamp, part. */
    private static final int PACKED = 8 + 4 + 4 + 4 + 8 + 1;

    /**
     * @param rows        columns {@code row}, {@code user}, {@code item}, optionally {@code rating},
     *                    {@code timestamp}, {@code part}
     * @param loadedUsers every loaded user id in its loaded order (the survivors are a subset)
     */
    static DrivenRows collect(Dataset<Row> rows, boolean hasRatings, boolean hasTimestamps, List<String> loadedUsers,
                              List<String> loadedItems) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
        Broadcast<Map<String, Integer>> userIndex = context.broadcast(index(loadedUsers));
        Broadcast<Map<String, Integer>> itemIndex = context.broadcast(index(loadedItems));
        List<String> columns = List.of(rows.columns());
        int rowAt = columns.indexOf("row");
        int userAt = columns.indexOf("user");
        int itemAt = columns.indexOf("item");
        int ratingAt = columns.indexOf("rating");
        int timeAt = columns.indexOf("timestamp");
        int partAt = columns.indexOf("part");
        List<byte[]> packed;
        try {
            packed = rows.javaRDD().mapPartitions(it -> {
                Map<String, Integer> users = userIndex.value();
                Map<String, Integer> items = itemIndex.value();
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    while (it.hasNext()) {
                        Row r = it.next();
                        out.writeLong(r.getLong(rowAt));
                        out.writeInt(users.get(r.getString(userAt)));
                        out.writeInt(items.get(r.getString(itemAt)));
                        out.writeFloat(ratingAt >= 0 ? r.getFloat(ratingAt) : 1f);
                        out.writeLong(timeAt >= 0 ? r.getLong(timeAt) : 0L);
                        out.writeByte(partAt >= 0 ? r.getByte(partAt) : 0);
                    }
                }
                return List.of(bytes.toByteArray()).iterator();
            }).collect();
        } finally {
            userIndex.destroy();
            itemIndex.destroy();
        }
        return unpack(packed, hasRatings, hasTimestamps, partAt >= 0, loadedUsers, loadedItems);
    }

    private static DrivenRows unpack(List<byte[]> packed, boolean hasRatings, boolean hasTimestamps, boolean hasParts,
                                     List<String> loadedUsers, List<String> loadedItems) {
        int n = Math.toIntExact(packed.stream().mapToLong(b -> b.length / PACKED).sum());
        long[] keys = new long[n];
        int k = 0;
        for (byte[] chunk : packed) {
            for (int at = 0; at < chunk.length; at += PACKED) {
                keys[k++] = readLong(chunk, at);
            }
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] users = new int[n];
        int[] items = new int[n];
        float[] ratings = hasRatings ? new float[n] : null;
        long[] times = hasTimestamps ? new long[n] : null;
        byte[] parts = hasParts ? new byte[n] : null;
        k = 0;
        for (byte[] chunk : packed) {
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(chunk))) {
                for (int at = 0; at < chunk.length; at += PACKED, k++) {
                    int position = Arrays.binarySearch(sorted, in.readLong());
                    users[position] = in.readInt();
                    items[position] = in.readInt();
                    float rating = in.readFloat();
                    long time = in.readLong();
                    byte part = in.readByte();
                    if (ratings != null) {
                        ratings[position] = rating;
                    }
                    if (times != null) {
                        times[position] = time;
                    }
                    if (parts != null) {
                        parts[position] = part;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> survivingUsers = compact(users, loadedUsers);
        List<String> survivingItems = compact(items, loadedItems);
        return new DrivenRows(survivingUsers, survivingItems, Interactions.adopt(survivingUsers.size(),
                survivingItems.size(), users, items, ratings, times), parts);
    }

    /** Renumbers {@code indexes} (into {@code loaded}) to the survivors in loaded order; the survivors' ids. */
    private static List<String> compact(int[] indexes, List<String> loaded) {
        int[] map = new int[loaded.size()];
        for (int index : indexes) {
            map[index] = 1;
        }
        List<String> survivors = new ArrayList<>();
        for (int e = 0; e < map.length; e++) {
            if (map[e] == 1) {
                map[e] = survivors.size();
                survivors.add(loaded.get(e));
            } else {
                map[e] = -1;
            }
        }
        for (int r = 0; r < indexes.length; r++) {
            indexes[r] = map[indexes[r]];
        }
        return survivors;
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int k = 0; k < ids.size(); k++) {
            index.put(ids.get(k), k);
        }
        return index;
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[at + k] & 0xff);
        }
        return v;
    }
}
