package dev.m6rec.plugins.features;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
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
 * {@link FeatureRows}, which {@code encodeAll} replays. Subclasses learn their parameters and the
 * known rows in {@link #learn}, encode any entity from its attributes in {@link #encodeNew}, and
 * persist the parameters in {@link #saveParameters}/{@link #loadParameters}.
 *
 * <p>{@code save} writes the learned parameters alone: {@code extractor.txt} (format, type, width),
 * {@code columns.txt} and the subclass's own files. Core stores the known entities' matrix once,
 * beside the pipeline, so a loaded extractor {@code encode}s any attributes exactly as after fit,
 * but {@code encodeAll} is available after {@code fit} only.
 */
abstract class AbstractFeatureExtractor implements FeatureExtractor {
    /** 2: parameters only; 1 also held the known rows. */
    private static final String FORMAT = "2";
    private static final String HEADER = "extractor.txt";
    private static final String COLUMNS = "columns.txt";

    private final String type;
    private final String path;
    /** Set by fit and load, together with the subclass's parameters: the one "used before fit" guard. */
    private final FittedState<List<String>> columns;
    /** The known rows, after fit only (a loaded extractor has the parameters alone). */
    private FeatureRows known;

    /**
     * @param type the extractor's type, which names its saved state
     * @param path the component's config path, e.g. {@code features.user[0]}, for messages
     */
    AbstractFeatureExtractor(String type, String path) {
        this.type = requireNonNull(type, "type is null");
        this.path = requireNonNull(path, "path is null");
        this.columns = new FittedState<>(path, type);
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
        this.known = fitted.known();
        this.columns.set(fitted.columns());
    }

    @Override
    public final List<String> columns() {
        return columns.get();
    }

    @Override
    public final void encode(Attributes attributes, float[] dest, int offset) {
        requireNonNull(attributes, "attributes is null");
        Arrays.fill(dest, offset, offset + columns.get().size(), 0f);
        encodeNew(attributes, dest, offset);
    }

    /** The known entities' vectors; after {@code fit} only, a loaded extractor throws {@link IllegalStateException}. */
    @Override
    public final FeatureMatrix encodeAll() {
        List<String> names = columns.get();
        if (known == null) {
            throw new IllegalStateException("encodeAll is available after fit only");
        }
        return new FeatureMatrix(known.rows(), names, known.toDense(names.size()));
    }

    @Override
    public final void save(ArtifactWriter out) {
        requireNonNull(out, "out is null");
        List<String> names = columns.get();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("type", type);
        header.put("columns", Integer.toString(names.size()));
        KeyValueFile.write(out, HEADER, header);
        StringListFile.write(out, COLUMNS, names);
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
        int width = header.getInt("columns");
        List<String> loadedColumns = StringListFile.read(in, COLUMNS);
        if (loadedColumns.size() != width) {
            throw new ArtifactException(in.location() + "/" + COLUMNS + ": " + loadedColumns.size()
                    + " columns, header says " + width);
        }
        loadParameters(in, loadedColumns);
        this.known = null;
        this.columns.set(List.copyOf(loadedColumns));
    }

    /** The config path of this extractor, e.g. {@code features.user[0]}, for messages. */
    protected final String path() {
        return path;
    }
}
