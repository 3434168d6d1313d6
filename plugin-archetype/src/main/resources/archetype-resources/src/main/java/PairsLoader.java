package ${package};

import dev.m6rec.api.DataException;
import dev.m6rec.api.data.AttributeTable;
import dev.m6rec.api.data.Dataset;
import dev.m6rec.api.data.IdIndex;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.dataset.DatasetLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@code user<TAB>item} or {@code user<TAB>item<TAB>rating} lines; dense indexes follow
 * first appearance. A malformed line fails with a {@link DataException} naming file and line,
 * which the CLI prints as one line (exit 2) instead of a stack trace.
 */
public final class PairsLoader implements DatasetLoader {
    private final Path file;

    public PairsLoader(Path file) {
        this.file = Objects.requireNonNull(file, "file is null");
    }

    @Override
    public Dataset load() {
        IdIndex.Builder users = IdIndex.builder();
        IdIndex.Builder items = IdIndex.builder();
        int[] userColumn = new int[1024];
        int[] itemColumn = new int[1024];
        float[] ratingColumn = new float[1024];
        int rows = 0;
        boolean rated = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 2 || fields.length > 3 || fields[0].isEmpty() || fields[1].isEmpty()) {
                    throw new DataException(file, lineNumber, "expected user<TAB>item[<TAB>rating], found "
                            + fields.length + " field(s)");
                }
                if (rows == userColumn.length) {
                    userColumn = Arrays.copyOf(userColumn, rows * 2);
                    itemColumn = Arrays.copyOf(itemColumn, rows * 2);
                    ratingColumn = Arrays.copyOf(ratingColumn, rows * 2);
                }
                userColumn[rows] = users.add(fields[0]);
                itemColumn[rows] = items.add(fields[1]);
                ratingColumn[rows] = fields.length == 3 ? rating(fields[2], lineNumber) : 1f;
                rated |= fields.length == 3;
                rows++;
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file, "file not found");
        } catch (IOException e) {
            throw new DataException(file, "cannot be read: " + e.getMessage());
        }
        Interactions interactions = Interactions.adopt(users.size(), items.size(), Arrays.copyOf(userColumn, rows),
                Arrays.copyOf(itemColumn, rows), rated ? Arrays.copyOf(ratingColumn, rows) : null, null);
        return new Dataset(file.getFileName().toString(), users.build(), items.build(), interactions,
                AttributeTable.empty(users.size()), AttributeTable.empty(items.size()), Map.of("rows", (long) rows));
    }

    private float rating(String text, long lineNumber) {
        try {
            float value = Float.parseFloat(text);
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw new DataException(file, lineNumber, "rating '" + text + "' is not a finite number");
    }
}
