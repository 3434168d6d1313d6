package dev.m6rec.plugins.dl4j.mlp;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.config.SettingsRecords;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;
import dev.m6rec.plugins.dl4j.mlp.MlpSettings.RankBy;

/**
 * Makes the {@code mlp} interest model: NeuMF-style id embeddings plus feature vectors through an
 * MLP tower into a click head and a rating head, trained on {@code alpha * CE + beta * MSE}.
 *
 * <pre>{@code
 * interest: { type: mlp, embedding: 32, hidden: [64, 32], loss: { click: 1.0, rating: 0.1 }, negatives: 4 }
 * }</pre>
 */
public final class MlpFactory implements InterestModelFactory<MlpSettings> {

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "multi-task MLP (NeuMF-style) with click and rating heads, on DeepLearning4J";
    }

    @Override
    public Class<MlpSettings> settingsType() {
        return MlpSettings.class;
    }

    @Override
    public void check(MlpSettings settings, Problems problems) {
        double click = settings.loss().click();
        double rating = settings.loss().rating();
        if (click == 0 && rating == 0) {
            problems.add("loss", "at least one of click and rating must be > 0");
        }
        if (settings.hidden().length == 0) {
            problems.add("hidden", "must list at least one layer width");
        }
        if (click > 0 && settings.negatives() == 0) {
            problems.add("negatives", "must be > 0 when loss.click > 0 (was 0)");
        }
        RankBy rankBy = settings.rankBy();
        String name = SettingsRecords.kebab(rankBy.name());
        if ((rankBy == RankBy.CLICK || rankBy == RankBy.BLEND) && click == 0) {
            problems.add("rank-by", "'" + name + "' needs loss.click > 0");
        }
        if ((rankBy == RankBy.RATING || rankBy == RankBy.BLEND) && rating == 0) {
            problems.add("rank-by", "'" + name + "' needs loss.rating > 0");
        }
    }

    @Override
    public boolean learnsItemEmbeddings(MlpSettings settings) {
        return true;
    }

    @Override
    public InterestModel create(MlpSettings settings, PluginContext context) {
        return new MlpModel(settings, context);
    }
}
