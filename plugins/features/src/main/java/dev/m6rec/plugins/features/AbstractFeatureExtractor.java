package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.config.ComponentConfig;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every extractor of this plugin shares: the known entities are encoded once, at fit, into
 * {@link FeatureRows}; {@code encode(index)} and {@code encodeAll} replay those rows, so they are
 * cheap and a loaded extractor reproduces them bit for bit. Subclasses learn their parameters and
 * the known rows in {@link #learn}, encode new entities in {@link #encodeNew}, and persist the
 * parameters that new entities need in {@link #saveParameters}/{@link #loadParameters}.
 *
 * <p>Every saved extractor writes {@code extractor.txt} (format, type, shape), {@code columns.txt}
 * and the known rows ({@code known.*}); a subclass adds its own files.
 */
abstract class AbstractFeatureExtractor implements FeatureExtractor {
    private static final String FORMAT = "1";
    private static final String HEADER = "extractor.txt";
    private static final String COLUMNS = "columns.txt";
    private static final String KNOWN = "known";

    private final String type;
    private final String path;
    private List<String> columns;
    private FeatureRows known;

    /** @param config the component's validated section (its type and path name the saved state and errors) */
    AbstractFeatureExtractor(ComponentConfig config) {
        requireNonNull(config, "config is null");
        this.type = requireNonNull(config.type(), "config.type() is null");
        this.path = requireNonNull(config.path(), "config.path() is null");
    }

    /** Learns the parameters and returns the fitted columns and known rows (one per id of the input). */
    protected abstract Fitted learn(FeatureInput input);

    /** Adds the vector of a new entity into {@code dest} at {@code offset}; the span is already zero. */
    protected abstract void encodeNew(Attributes attributes, float[] dest, int offset);

    /** Writes what {@link #encodeNew} needs besides the columns. */
    protected abstract void saveParameters(ArtifactWriter out);

    /** Restores what {@link #saveParameters} wrote; {@code columns} are already loaded. */
    protected abstract void loadParameters(ArtifactReader in, List<String> columns);

    /** The result of {@link #learn}. */
    protected record Fitted(List<String> columns, FeatureRows known) {
        protected Fitted {
            columns = List.copyOf(columns);
            requireNonNull(known, "known is null");
        }
    }

    @Override
    public final void fit(FeatureInput input) {
        requireNonNull(input, "input is null");
        if (input.attributes().rows() != input.ids().size()) {
            throw new IllegalArgumentException(path + ": attribute table has " + input.attributes().rows()
                    + " rows for " + input.ids().size() + " " + input.kind().label() + "s");
        }
        Fitted fitted = learn(input);
        if (fitted.known().rows() != input.ids().size()) {
            throw new IllegalStateException(path + ": encoded " + fitted.known().rows() + " rows for "
                    + input.ids().size() + " ids");
        }
        this.columns = fitted.columns();
        this.known = fitted.known();
    }

    @Override
    public final List<String> columns() {
        checkFitted();
        return columns;
    }

    @Override
    public final void encode(int index, float[] dest, int offset) {
        checkFitted();
        if (index < 0 || index >= known.rows()) {
            throw new IndexOutOfBoundsException(path + ": index " + index + " outside [0, " + known.rows() + ")");
        }
        Arrays.fill(dest, offset, offset + columns.size(), 0f);
        known.scatter(index, dest, offset);
    }

    @Override
    public final void encode(Attributes attributes, float[] dest, int offset) {
        requireNonNull(attributes, "attributes is null");
        checkFitted();
        Arrays.fill(dest, offset, offset + columns.size(), 0f);
        encodeNew(attributes, dest, offset);
    }

    @Override
    public final FeatureMatrix encodeAll() {
        checkFitted();
        return new FeatureMatrix(known.rows(), columns, known.toDense(columns.size()));
    }

    @Override
    public final void save(ArtifactWriter out) {
        requireNonNull(out, "out is null");
        checkFitted();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("type", type);
        header.put("rows", Integer.toString(known.rows()));
        header.put("columns", Integer.toString(columns.size()));
        KeyValueFile.write(out, HEADER, header);
        StringListFile.write(out, COLUMNS, columns);
        known.save(out, KNOWN);
        saveParameters(out);
    }

    @Override
    public final void load(ArtifactReader in) {
        requireNonNull(in, "in is null");
        KeyValueFile header = KeyValueFile.read(in, HEADER);
        if (!FORMAT.equals(header.get("format"))) {
            throw new ArtifactException(header.where() + ": unsupported format '" + header.get("format")
                    + "' (this version reads " + FORMAT + ")");
        }
        if (!type.equals(header.get("type"))) {
            throw new ArtifactException(header.where() + ": saved by a '" + header.get("type")
                    + "' extractor, cannot load it as '" + type + "'");
        }
        int rows = header.getInt("rows");
        int width = header.getInt("columns");
        List<String> loadedColumns = StringListFile.read(in, COLUMNS);
        if (loadedColumns.size() != width) {
            throw new ArtifactException(in.location() + "/" + COLUMNS + ": " + loadedColumns.size()
                    + " columns, header says " + width);
        }
        FeatureRows loadedKnown = FeatureRows.load(in, KNOWN, rows, width);
        loadParameters(in, loadedColumns);
        this.columns = List.copyOf(loadedColumns);
        this.known = loadedKnown;
    }

    /** The config path of this extractor, e.g. {@code features.user[0]}, for messages. */
    protected final String path() {
        return path;
    }

    private void checkFitted() {
        if (known == null) {
            throw new IllegalStateException(path + " (" + type + ") is not fitted: call fit or load first");
        }
    }
}
