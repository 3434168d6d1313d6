package dev.m6rec.plugins.datasets.io;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file loader gathers on the way to a {@link Dataset}: the id maps, the interaction rows,
 * the attribute columns, and the counts for the run summary. Interactions are read first; the
 * attribute files that follow may add cold users and items, which get the indexes after the ones
 * with interactions.
 *
 * <p>Load counts: {@code rows}, {@code users}, {@code items}, {@code cold-users},
 * {@code cold-items} (entities known only from attribute files), {@code skipped-lines} (all files)
 * and, for each file with skipped lines, {@code skipped-lines:<file name>}.
 */
public final class DatasetAssembler {
    private final ByteStringIndex users;
    private final ByteStringIndex items;
    private final InteractionColumns rows;
    private final List<AttributeColumnBuilder> userColumns = new ArrayList<>();
    private final List<AttributeColumnBuilder> itemColumns = new ArrayList<>();
    private final Map<String, Long> skippedByFile = new LinkedHashMap<>();
    private int ratedUsers = -1;
    private int ratedItems = -1;

    public DatasetAssembler(ByteStringIndex users, ByteStringIndex items, InteractionColumns rows) {
        this.users = requireNonNull(users, "users is null");
        this.items = requireNonNull(items, "items is null");
        this.rows = requireNonNull(rows, "rows is null");
    }

    public ByteStringIndex users() {
        return users;
    }

    public ByteStringIndex items() {
        return items;
    }

    public InteractionColumns rows() {
        return rows;
    }

    /** Marks the end of the interaction files: ids added later are cold. */
    public void interactionsDone() {
        ratedUsers = users.size();
        ratedItems = items.size();
    }

    public <T extends AttributeColumnBuilder> T userColumn(T column) {
        userColumns.add(column);
        return column;
    }

    public <T extends AttributeColumnBuilder> T itemColumn(T column) {
        itemColumns.add(column);
        return column;
    }

    /** Records the lines a finished reader skipped. */
    public void finished(RecordReader reader) {
        if (reader.skipped() > 0) {
            skippedByFile.merge(reader.file().getFileName().toString(), reader.skipped(), Long::sum);
        }
    }

    public Dataset assemble(String name) {
        if (ratedUsers < 0) {
            interactionsDone();
        }
        int numUsers = users.size();
        int numItems = items.size();
        int rowCount = rows.size();
        Interactions interactions = rows.build(numUsers, numItems);
        IdIndex userIds = users.toIdIndex("user id");
        IdIndex itemIds = items.toIdIndex("item id");
        AttributeTable userTable = AttributeColumnBuilder.table(numUsers, userColumns);
        AttributeTable itemTable = AttributeColumnBuilder.table(numItems, itemColumns);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", (long) rowCount);
        counts.put("users", (long) numUsers);
        counts.put("items", (long) numItems);
        counts.put("cold-users", (long) (numUsers - ratedUsers));
        counts.put("cold-items", (long) (numItems - ratedItems));
        counts.put("skipped-lines", skippedByFile.values().stream().mapToLong(Long::longValue).sum());
        skippedByFile.forEach((file, n) -> counts.put("skipped-lines:" + file, n));
        return new Dataset(name, userIds, itemIds, interactions, userTable, itemTable, counts);
    }
}
