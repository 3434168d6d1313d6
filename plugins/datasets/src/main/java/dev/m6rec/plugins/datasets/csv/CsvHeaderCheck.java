package dev.m6rec.plugins.datasets.csv;

import dev.m6rec.api.DataException;
import dev.m6rec.api.config.Problems;
import dev.m6rec.plugins.datasets.io.HeaderColumns;
import dev.m6rec.plugins.datasets.io.OnError;
import dev.m6rec.plugins.datasets.io.RecordReader;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * {@code config check} for the {@code csv} loader: reads the header line of the interactions file
 * and of each attribute file (nothing more) and reports every configured column name that is not
 * in it, at the key that names it, with the column it differs from only in case.
 */
final class CsvHeaderCheck {
    private CsvHeaderCheck() {
    }

    static void check(CsvLayout layout, Problems problems) {
        if (layout.format().header()) {
            withHeader(layout.path(), layout.format(), "path", problems, (header, problem) -> {
                column(header, "columns.user", layout.user(), problem);
                column(header, "columns.item", layout.item(), problem);
                column(header, "columns.rating", layout.rating(), problem);
                column(header, "columns.timestamp", layout.timestamp(), problem);
            });
        }
        attributeFile("user-attributes", layout.userAttributes(), problems);
        attributeFile("item-attributes", layout.itemAttributes(), problems);
    }

    private static void attributeFile(String key, AttributeFileSpec file, Problems problems) {
        if (file == null || !file.format().header()) {
            return;
        }
        withHeader(file.path(), file.format(), key + ".path", problems, (header, problem) -> {
            column(header, key + ".id", file.id(), problem);
            for (AttributeColumnSpec column : file.columns()) {
                column(header, key + ".columns." + column.source(), column.source(), problem);
            }
        });
    }

    private static void withHeader(Path file, DelimitedFormat format, String pathKey, Problems problems,
                                   BiConsumer<HeaderColumns, Problems> checks) {
        HeaderColumns header;
        try (RecordReader reader = format.open(file, OnError.FAIL)) {
            header = HeaderColumns.read(reader);
        } catch (DataException e) {
            problems.add(pathKey, e.getMessage());
            return;
        }
        checks.accept(header, (key, message) -> problems.add(key, file + ":1: " + message));
    }

    private static void column(HeaderColumns header, String key, ColumnRef ref, Problems problems) {
        if (ref != null && ref.name() != null && header.find(ref.name()) < 0) {
            problems.add(key, header.missing(ref.name()));
        }
    }
}
