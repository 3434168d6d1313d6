package dev.m6rec.spark;

import static org.apache.spark.sql.functions.col;

import dev.m6rec.api.DataException;
import dev.m6rec.plugins.datasets.csv.CsvInteractionFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Reads a {@code csv} section's interaction files on Spark, one task per file, each parsed by the
 * {@code csv} loader's own reader ({@link CsvInteractionFiles}): quoting (records spanning lines),
 * blank lines, byte order marks, {@code \r\n}, number parsing, the header of every file and the
 * {@code file:line} of a bad record are exactly the single-machine loader's, because they are its
 * code. A folder of part files (as Spark writes them) is read in parallel; one large file is read by
 * one task, since a split-parallel text read can neither follow a quoted record across a split nor
 * number lines without a pass over the file.
 *
 * <p>A malformed record under {@code on-error: fail} does not fail the task: each file reports its
 * first problem, and the driver throws the problem of the first file (in name order) that has one,
 * as one line naming file and line; under {@code skip} each file counts its skipped lines. Either
 * way nothing is dropped silently.
 *
 * <p>The files must be readable at the same path from every executor (local mode, or a shared file
 * system), as the section's {@code path} is a local path.
 *
 * <pre>{@code
 * LoadedInteractions loaded = SparkCsvInteractions.load(spark, CsvInteractionFiles.of(settings, "data"));
 * }</pre>
 */
public final class SparkCsvInteractions {
    /** Rows of a file start at {@code fileIndex << FILE_SHIFT}: a file holds fewer than 2^40 records. */
    static final int FILE_SHIFT = 40;
    private static final byte ROW = 0;
    private static final byte FILE_SUMMARY = 1;
    private static final StructType READ = new StructType()
            .add("kind", DataTypes.ByteType, false)
            .add("file", DataTypes.IntegerType, false)
            .add("row", DataTypes.LongType, false)
            .add("user", DataTypes.StringType, true)
            .add("item", DataTypes.StringType, true)
            .add("rating", DataTypes.FloatType, false)
            .add("timestamp", DataTypes.LongType, false)
            .add("skipped", DataTypes.LongType, false)
            .add("problem", DataTypes.StringType, true);

    private SparkCsvInteractions() {
    }

    /**
     * @throws DataException the first file's first problem (fail), a missing path, or a folder without rows
     */
    public static LoadedInteractions load(SparkSession spark, CsvInteractionFiles files) {
        List<Path> paths = files.files();
        boolean folder = Files.isDirectory(files.path());
        List<String> names = paths.stream().map(Path::toString).toList();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> read = context.parallelize(IntStream.range(0, names.size()).boxed().toList(), names.size())
                .flatMap(f -> fileRows(files, Path.of(names.get(f)), f, folder));
        Dataset<Row> all = spark.createDataFrame(read, READ).persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> summaries = new ArrayList<>(all.filter(col("kind").equalTo(FILE_SUMMARY)).collectAsList());
        summaries.sort(java.util.Comparator.comparingInt(r -> r.getInt(1)));
        Map<String, Long> skipped = new LinkedHashMap<>();
        long skippedLines = 0;
        long size = 0;
        for (Row summary : summaries) {
            size += summary.getLong(2);
            if (!summary.isNullAt(8)) {
                all.unpersist();
                throw new DataException(summary.getString(8));
            }
            long n = summary.getLong(7);
            if (n > 0) {
                skipped.merge(paths.get(summary.getInt(1)).getFileName().toString(), n, Long::sum);
                skippedLines += n;
            }
        }
        Dataset<Row> rows = all.filter(col("kind").equalTo(ROW));
        List<org.apache.spark.sql.Column> columns = new ArrayList<>(List.of(col("row"), col("user"), col("item")));
        if (files.hasRatings()) {
            columns.add(col("rating"));
        }
        if (files.hasTimestamps()) {
            columns.add(col("timestamp"));
        }
        rows = rows.select(columns.toArray(new org.apache.spark.sql.Column[0]));
        if (size == 0) { // a single file without rows has failed above, as on one machine
            all.unpersist();
            throw new DataException(files.path(), skippedLines > 0 ? "has no valid rows (" + skippedLines
                    + " lines skipped)" : "has no rows in any of its " + paths.size() + " files");
        }
        return new LoadedInteractions(files.name(), rows, size, files.hasRatings(), files.hasTimestamps(), skipped,
                all::unpersist);
    }

    /** One file's rows, then its summary: its row count (in {@code row}), the lines it skipped, its problem. */
    private static Iterator<Row> fileRows(CsvInteractionFiles files, Path file, int index, boolean folder) {
        CsvInteractionFiles.FileRows rows;
        try {
            rows = files.read(file, folder);
        } catch (DataException e) {
            return List.of(RowFactory.create(FILE_SUMMARY, index, 0L, null, null, 0f, 0L, 0L, e.getMessage()))
                    .iterator();
        }
        long first = (long) index << FILE_SHIFT;
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next <= rows.size();
            }

            @Override
            public Row next() {
                if (next > rows.size()) {
                    throw new NoSuchElementException();
                }
                int r = next++;
                if (r == rows.size()) {
                    return RowFactory.create(FILE_SUMMARY, index, (long) rows.size(), null, null, 0f, 0L, rows.skipped(),
                            null);
                }
                return RowFactory.create(ROW, index, first + r, rows.user(r), rows.item(r), rows.rating(r),
                        rows.timestamp(r), 0L, null);
            }
        };
    }
}
