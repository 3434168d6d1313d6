package dev.m6rec.core.events;

import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.AttributeColumn;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds the events of a log to a loaded dataset ({@code data.events: {log: DIR}}), so the next
 * training run learns from what was recorded while serving. Events are mapped through the
 * dataset's ids, de-duplicated by event id. A user the dataset does not know becomes a new user
 * (with no attributes): dropping them would lose every event of a user who arrived while serving,
 * since the server replays only what the artifact did not absorb. An item the dataset does not
 * know is counted and skipped: the server only accepts items its pipeline knows, so this happens
 * only when the dataset changed, and an item without attributes cannot be featurised.
 * An implicit event (no rating) counts as a rating of 1 in a dataset with ratings, as it does live.
 *
 * <p>The position of the last event read goes into the dataset's load counts under
 * {@link #ABSORBED_POSITION}; the artifact keeps it, and a server that loads the artifact replays
 * only the events after it.
 */
public final class LoggedEventsMerge {
    /** Load-count key: the log position up to which the dataset holds the log's events. */
    public static final String ABSORBED_POSITION = "events-absorbed-position";
    /** Load-count keys: events added, events skipped for an unknown item, users added. */
    public static final String ADDED = "events";
    public static final String SKIPPED_UNKNOWN_ITEM = "skipped-events-unknown-item";
    public static final String NEW_USERS = "events-new-users";

    private LoggedEventsMerge() {
    }

    /** {@code dataset} plus the events logged in {@code logDir}; a one-line account goes to {@code progress}. */
    public static Dataset merge(Dataset dataset, Path logDir, ProgressReporter progress) {
        List<LoggedEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long last = EventLog.read(logDir, 0, e -> {
            if (seen.add(e.id())) {
                events.add(e);
            }
        });
        IdIndex.Builder users = IdIndex.builder();
        dataset.users().ids().forEach(users::add);
        Interactions base = dataset.interactions();
        int n = base.size();
        int[] u = Arrays.copyOf(columnUsers(base), n + events.size());
        int[] it = Arrays.copyOf(columnItems(base), n + events.size());
        float[] ratings = base.hasRatings() ? Arrays.copyOf(columnRatings(base), n + events.size()) : null;
        long[] times = base.hasTimestamps() ? Arrays.copyOf(columnTimes(base), n + events.size()) : null;
        int m = n;
        long unknownItems = 0;
        for (LoggedEvent e : events) {
            int item = dataset.items().indexOf(e.item());
            if (item < 0) {
                unknownItems++;
                continue;
            }
            int user = users.indexOf(e.user());
            u[m] = user >= 0 ? user : users.add(e.user());
            it[m] = item;
            if (ratings != null) {
                ratings[m] = Float.isNaN(e.rating()) ? 1f : e.rating();
            }
            if (times != null) {
                times[m] = e.timestamp();
            }
            m++;
        }
        IdIndex allUsers = users.build();
        int newUsers = allUsers.size() - dataset.users().size();
        Interactions merged = Interactions.adopt(allUsers.size(), dataset.items().size(), Arrays.copyOf(u, m),
                Arrays.copyOf(it, m), ratings == null ? null : Arrays.copyOf(ratings, m),
                times == null ? null : Arrays.copyOf(times, m));
        Map<String, Long> counts = new LinkedHashMap<>(dataset.loadCounts());
        counts.put(ADDED, (long) (m - n));
        counts.put(NEW_USERS, (long) newUsers);
        counts.put(SKIPPED_UNKNOWN_ITEM, unknownItems);
        counts.put(ABSORBED_POSITION, last);
        progress.info(String.format("data.events: %d events from %s up to position %d (%d new users, %d skipped: "
                + "unknown item)", m - n, logDir, last, newUsers, unknownItems));
        return new Dataset(dataset.name(), allUsers, dataset.items(), merged,
                withMissingRows(dataset.userAttributes(), newUsers), dataset.itemAttributes(), counts);
    }

    /** {@code table} with {@code extra} rows of missing values at the end. */
    static AttributeTable withMissingRows(AttributeTable table, int extra) {
        int rows = table.rows() + extra;
        List<AttributeColumn> columns = new ArrayList<>();
        for (AttributeColumn column : table.columns()) {
            if (column instanceof AttributeColumn.Numeric c) {
                float[] v = Arrays.copyOf(c.values(), rows);
                Arrays.fill(v, table.rows(), rows, Float.NaN);
                columns.add(new AttributeColumn.Numeric(c.name(), v));
            } else if (column instanceof AttributeColumn.Categorical c) {
                columns.add(new AttributeColumn.Categorical(c.name(), Arrays.copyOf(c.values(), rows)));
            } else if (column instanceof AttributeColumn.Tags c) {
                String[][] v = Arrays.copyOf(c.values(), rows);
                Arrays.fill(v, table.rows(), rows, new String[0]);
                columns.add(new AttributeColumn.Tags(c.name(), v));
            } else if (column instanceof AttributeColumn.Text c) {
                columns.add(new AttributeColumn.Text(c.name(), Arrays.copyOf(c.values(), rows)));
            }
        }
        return new AttributeTable(rows, columns);
    }

    private static int[] columnUsers(Interactions rows) {
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.user(r);
        }
        return out;
    }

    private static int[] columnItems(Interactions rows) {
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.item(r);
        }
        return out;
    }

    private static float[] columnRatings(Interactions rows) {
        float[] out = new float[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.rating(r);
        }
        return out;
    }

    private static long[] columnTimes(Interactions rows) {
        long[] out = new long[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.timestamp(r);
        }
        return out;
    }
}
