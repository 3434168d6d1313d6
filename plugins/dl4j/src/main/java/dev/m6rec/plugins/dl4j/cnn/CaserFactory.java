package dev.m6rec.plugins.dl4j.cnn;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.config.Problems;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * Makes the {@code cnn} interest model (Caser, Tang and Wang 2018): the embeddings of the user's
 * last {@code length} items form an image; horizontal convolutions (several heights) catch
 * union-level sequential patterns, a vertical convolution point-level ones; with the user
 * embedding they score the next item. Optionally a text-CNN encodes each item's words (e.g. its
 * title) into a vector added to its target embedding, so items without interactions score too.
 *
 * <pre>{@code
 * interest: { type: cnn, length: 5, heights: [1, 2, 3], horizontal-filters: 16, vertical-filters: 4 }
 * interest: { type: cnn, text: { field: title, tokens: 8, widths: [1, 2], filters: 32, min-count: 2 } }
 * }</pre>
 */
public final class CaserFactory implements InterestModelFactory<CaserSettings> {

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "Caser: convolutions over the user's recent items, on DeepLearning4J";
    }

    @Override
    public Class<CaserSettings> settingsType() {
        return CaserSettings.class;
    }

    @Override
    public void check(CaserSettings settings, Problems problems) {
        int length = settings.length();
        int[] heights = settings.heights();
        if (heights.length == 0) {
            problems.add("heights", "must list at least one filter height");
        }
        for (int i = 0; i < heights.length; i++) {
            if (heights[i] > length) {
                problems.add("heights[" + i + "]", "must be <= length " + length + " (was " + heights[i] + ")");
            }
        }
        if (settings.negatives() == 0) {
            problems.add("negatives", "must be > 0 (was 0)");
        }
        settings.text().check(problems);
    }

    @Override
    public boolean learnsItemEmbeddings(CaserSettings settings) {
        return true;
    }

    @Override
    public InterestModel create(CaserSettings settings, PluginContext context) {
        return new CaserModel(settings, context);
    }
}
