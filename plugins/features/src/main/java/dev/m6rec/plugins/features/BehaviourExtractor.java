package dev.m6rec.plugins.features;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.api.data.EntityKind;
import dev.m6rec.api.data.Interactions;
import dev.m6rec.api.data.SparseRows;
import dev.m6rec.api.feature.FeatureInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates of each entity's training interactions (see {@link BehaviourAggregate}); columns are
 * {@code behaviour:<aggregate>} in the configured order. Timestamps are seconds; without
 * timestamps the recency column is 0. Entities known only by attributes have no training
 * interactions and encode zeros.
 */
final class BehaviourExtractor extends AbstractFeatureExtractor {
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final List<BehaviourAggregate> aggregates = new ArrayList<>();
    private final double halfLifeDays;
    private final String profileField;

    BehaviourExtractor(BehaviourFactory.Settings settings, String path) {
        super(BehaviourFactory.NAME, path);
        for (String label : settings.aggregates()) {
            aggregates.add(BehaviourAggregate.fromLabel(label));
        }
        this.halfLifeDays = settings.recencyHalfLife();
        this.profileField = settings.profileField();
    }

    @Override
    protected Fitted learn(FeatureInput input) {
        Interactions train = input.train();
        int entities = input.kind() == EntityKind.USER ? train.numUsers() : train.numItems();
        if (entities != input.ids().size()) {
            throw new IllegalArgumentException(path() + ": interactions cover " + entities + " "
                    + input.kind().label() + "s, ids " + input.ids().size());
        }
        SparseRows rows = input.kind() == EntityKind.USER ? train.byUser() : train.byItem();
        CategoryProfile profile = null;
        if (profileField != null) {
            if (input.kind() != EntityKind.USER) {
                throw new ConfigException(path() + ".profile-field", "a category profile describes users; "
                        + "use it under features.user");
            }
            profile = CategoryProfile.of(path() + ".profile-field", profileField, input.counterpartAttributes());
        }
        double globalMean = 0;
        long lastTimestamp = Long.MIN_VALUE;
        for (int i = 0; i < train.size(); i++) {
            globalMean += train.rating(i);
            lastTimestamp = Math.max(lastTimestamp, train.timestamp(i));
        }
        globalMean = train.size() == 0 ? 0 : globalMean / train.size();

        FeatureRows.Builder known = FeatureRows.builder();
        for (int e = 0; e < entities; e++) {
            int count = rows.length(e);
            double sum = 0;
            long last = Long.MIN_VALUE;
            for (int k = rows.start(e); k < rows.end(e); k++) {
                sum += train.rating(rows.source(k));
                last = Math.max(last, train.timestamp(rows.source(k)));
            }
            double mean = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (int k = rows.start(e); k < rows.end(e); k++) {
                double d = train.rating(rows.source(k)) - mean;
                squares += d * d;
            }
            for (int a = 0; a < aggregates.size(); a++) {
                double value = 0;
                if (count > 0) {
                    switch (aggregates.get(a)) {
                        case LOG_COUNT -> value = Math.log1p(count);
                        case RATING_MEAN -> value = mean - globalMean;
                        case RATING_STD -> value = Math.sqrt(squares / count);
                        case RECENCY -> value = train.hasTimestamps()
                                ? Math.pow(2, -((lastTimestamp - last) / SECONDS_PER_DAY) / halfLifeDays) : 0;
                        default -> throw new IllegalStateException("unhandled aggregate " + aggregates.get(a));
                    }
                }
                known.add(a, (float) value);
            }
            if (profile != null) {
                profile.addShares(e, rows, aggregates.size(), known);
            }
            known.endRow();
        }
        List<String> columns = new ArrayList<>();
        for (BehaviourAggregate aggregate : aggregates) {
            columns.add(aggregate.column());
        }
        if (profile != null) {
            columns.addAll(profile.columns());
        }
        return new Fitted(columns, known.build());
    }

    @Override
    protected void encodeNew(Attributes attributes, float[] dest, int offset) {
        // No training interactions: every aggregate is 0, and the span is already zero.
    }

    @Override
    protected void saveParameters(ArtifactWriter out) {
        // New entities need nothing beyond the columns.
    }

    @Override
    protected void loadParameters(ArtifactReader in, List<String> columns) {
        // Nothing besides the columns, which the base class restores.
    }
}
