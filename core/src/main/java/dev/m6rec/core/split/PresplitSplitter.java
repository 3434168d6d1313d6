package dev.m6rec.core.split;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.DataException;
import dev.m6rec.api.ProgressReporter;
import dev.m6rec.api.data.DataSplit;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetSplitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A split given as files. The loader reads every interaction (so ids, attributes and filters work
 * as for any dataset); each presplit file lists the rows of one part, matched to dataset rows by
 * (user id, item id, timestamp) or (user id, item id). Files are matched test first, then valid,
 * then train, each dataset row going to at most one part. Dataset rows no file lists go to train
 * when no train file is given, and are left out of every part when one is. File rows matching no
 * dataset row (removed by a filter, or not in the data) are counted and reported; a non-empty file
 * that matches nothing at all is an error, as it points at the wrong file or id column.
 */
final class PresplitSplitter implements DatasetSplitter {
    private static final String[] PART_NAMES = {"train", "valid", "test"};
    private final String path;
    private final Path[] files;
    private final PartFileReader reader;
    private final boolean withTime;
    private final ProgressReporter progress;

    /**
     * @param path     the split section's path, for messages
     * @param files    the train, valid and test files; train and valid may be null
     * @param withTime whether rows are matched by timestamp too
     */
    PresplitSplitter(String path, Path[] files, PartFileReader reader, boolean withTime, ProgressReporter progress) {
        this.path = Objects.requireNonNull(path, "path is null");
        this.files = files.clone();
        this.reader = Objects.requireNonNull(reader, "reader is null");
        this.withTime = withTime;
        this.progress = Objects.requireNonNull(progress, "progress is null");
        Objects.requireNonNull(this.files[2], "test file is null");
    }

    @Override
    public DataSplit split(Dataset dataset) {
        Interactions all = dataset.interactions();
        if (withTime && !all.hasTimestamps()) {
            throw new ConfigException(path + ".match", "dataset '" + dataset.name()
                    + "' has no timestamps to match by; use match: user-item");
        }
        RowKeyIndex index = new RowKeyIndex(all, withTime);
        byte[] part = new byte[all.size()];
        Arrays.fill(part, (byte) -1);
        List<String> report = new ArrayList<>();
        for (int p = 2; p >= 0; p--) {
            if (files[p] == null) {
                continue;
            }
            PartFile rows = reader.read(files[p], dataset.users(), dataset.items());
            int matched = 0;
            for (int k = 0; k < rows.size(); k++) {
                int user = rows.users()[k];
                int item = rows.items()[k];
                int row = user < 0 || item < 0 ? -1 : index.claim(user, item, withTime ? rows.times()[k] : 0);
                if (row >= 0) {
                    part[row] = (byte) p;
                    matched++;
                }
            }
            if (rows.size() > 0 && matched == 0) {
                throw new DataException(files[p], "none of its " + rows.size() + " rows matches a row of dataset '"
                        + dataset.name() + "' by " + (withTime ? "(user, item, timestamp)" : "(user, item)"));
            }
            report.add(PART_NAMES[p] + " " + matched + (matched < rows.size()
                    ? " (" + (rows.size() - matched) + " file rows unmatched)" : ""));
        }
        int unlisted = 0;
        for (int row = 0; row < part.length; row++) {
            if (part[row] < 0) {
                unlisted++;
                if (files[0] == null) {
                    part[row] = 0;
                }
            }
        }
        if (files[0] == null) {
            report.add("train " + unlisted + " (rows in no file)");
        } else if (unlisted > 0) {
            report.add(unlisted + " dataset rows in no file, left out");
        }
        progress.info("presplit: " + String.join(", ", report));
        return partition(dataset, part);
    }

    /** Like {@link SplitOrder#partition} but rows labelled -1 belong to no part. */
    private static DataSplit partition(Dataset dataset, byte[] part) {
        int[] counts = new int[3];
        for (byte p : part) {
            if (p >= 0) {
                counts[p]++;
            }
        }
        int[][] rows = {new int[counts[0]], new int[counts[1]], new int[counts[2]]};
        int[] fill = new int[3];
        for (int row = 0; row < part.length; row++) {
            if (part[row] >= 0) {
                rows[part[row]][fill[part[row]]++] = row;
            }
        }
        Interactions all = dataset.interactions();
        return new DataSplit(dataset, all.select(rows[0]), all.select(rows[1]), all.select(rows[2]));
    }
}
