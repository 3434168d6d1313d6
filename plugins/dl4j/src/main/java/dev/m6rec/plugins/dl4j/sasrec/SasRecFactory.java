package dev.m6rec.plugins.dl4j.sasrec;

import dev.m6rec.api.PluginContext;
import dev.m6rec.api.interest.InterestModel;
import dev.m6rec.api.interest.InterestModelFactory;

/**
 * Makes the {@code sasrec} interest model: SASRec (Kang and McAuley, 2018), causal self-attention
 * over the user's latest items, trained with a softmax over all items at every position. It reads
 * whatever history a profile carries, so fresh events and new users need no retraining.
 *
 * <pre>{@code
 * interest: { type: sasrec, hidden: 64, blocks: 2, length: 50, dropout: 0.2 }
 * }</pre>
 */
public final class SasRecFactory implements InterestModelFactory<SasRecSettings> {

    @Override
    public String name() {
        return "sasrec";
    }

    @Override
    public String description() {
        return "self-attention sequence model (SASRec) trained with a full softmax over items";
    }

    @Override
    public Class<SasRecSettings> settingsType() {
        return SasRecSettings.class;
    }

    /** The item table is both the input embedding and the output layer (see {@link SasRecModel#itemEmbeddings()}). */
    @Override
    public boolean learnsItemEmbeddings(SasRecSettings settings) {
        return true;
    }

    @Override
    public InterestModel create(SasRecSettings settings, PluginContext context) {
        return new SasRecModel(settings, context);
    }
}
