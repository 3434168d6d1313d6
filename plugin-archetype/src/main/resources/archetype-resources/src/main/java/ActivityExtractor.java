package ${package};

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.FittedState;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.FeatureMatrix;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.feature.FeatureExtractor;
import dev.m6rec.api.feature.FeatureInput;
import java.util.List;
import java.util.Objects;

/**
 * A behaviour feature: {@code log(1 + n)} for an entity with {@code n} training interactions.
 * An entity known only by its attributes (a new user) has no behaviour yet, so it encodes as 0.
 * M6-Rec stores the fitted matrix itself, so {@code save} writes only the column name.
 */
public final class ActivityExtractor implements FeatureExtractor {
    private final String column;
    private final FittedState<FeatureMatrix> encoded;

    public ActivityExtractor(String column, String path) {
        this.column = Objects.requireNonNull(column, "column is null");
        this.encoded = new FittedState<>(path, ExamplePlugin.NAME + "-activity");
    }

    @Override
    public void fit(FeatureInput input) {
        SparseRows rows = input.kind() == EntityKind.USER ? input.train().byUser() : input.train().byItem();
        float[] values = new float[input.ids().size()];
        for (int entity = 0; entity < rows.rows() && entity < values.length; entity++) {
            values[entity] = (float) Math.log1p(rows.length(entity));
        }
        encoded.set(new FeatureMatrix(values.length, List.of(column), values));
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }

    @Override
    public void encode(Attributes attributes, float[] dest, int offset) {
        dest[offset] = 0f;
    }

    @Override
    public FeatureMatrix encodeAll() {
        return encoded.get();
    }

    @Override
    public void save(ArtifactWriter out) {
        out.writeText("column.txt", column);
    }

    @Override
    public void load(ArtifactReader in) {
        // Encoding a new entity needs nothing learned (encodeAll is only asked for after fit):
        // loading just checks that the artifact was written with the same column.
        String saved = in.readText("column.txt");
        if (!saved.equals(column)) {
            throw new ArtifactException(in.location() + ": saved column '" + saved + "' differs from the configured '"
                    + column + "'");
        }
    }
}
