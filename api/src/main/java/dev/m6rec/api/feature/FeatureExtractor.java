package dev.m6rec.api.feature;

import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.FeatureMatrix;
import java.util.List;

/**
 * Learns an encoding of user or item attributes and behaviour from the training split, then
 * encodes any entity, known or new, into a fixed-width float vector with named columns.
 *
 * <pre>{@code
 * features:
 *   user: [ { type: categorical, fields: [gender, occupation] }, { type: numeric, fields: [age] } ]
 *
 * extractor.fit(new FeatureInput(EntityKind.USER, users, userAttributes, train));
 * FeatureMatrix all = extractor.encodeAll();
 * float[] v = new float[extractor.columns().size()];
 * extractor.encode(Attributes.builder().number("age", 31).build(), v, 0);   // a new user
 * }</pre>
 */
public interface FeatureExtractor {

    void fit(FeatureInput input);

    /** The output columns, e.g. {@code gender=F}; fixed after fit. */
    List<String> columns();

    /** Writes the vector of an entity known only by its attributes (behaviour columns are 0). */
    void encode(Attributes attributes, float[] dest, int offset);

    /**
     * The vectors of all entities seen at {@code fit}. Only after {@code fit}: core stores this
     * matrix once in the artifact, so {@code save} writes the learned parameters alone.
     */
    FeatureMatrix encodeAll();

    void save(ArtifactWriter out);

    /** Restores the parameters written by {@link #save}, enough to {@code encode} any attributes. */
    void load(ArtifactReader in);
}
