package dev.m6rec.plugins.dl4j.graph;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Works around DL4J 1.0.0-M2.1's graph builder, which copies a global {@code weightDecay} into
 * every layer's regularization list twice, so DL4J's own fit would decay weights at twice the
 * configured rate. Removing the repeated entries makes the configured value mean what the
 * {@code weight-decay} key says (each step takes {@code learning-rate * weight-decay * w} off
 * every weight) for DL4J's loop and the fused kernels alike.
 */
public final class WeightDecayOnce {
    private WeightDecayOnce() {
    }

    /** Drops repeated regularization entries from every layer of {@code conf}, in place; returns it. */
    public static ComputationGraphConfiguration apply(ComputationGraphConfiguration conf) {
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex
                    && layerVertex.getLayerConf().getLayer() instanceof BaseLayer layer) {
                layer.setRegularization(distinct(layer.getRegularization()));
                layer.setRegularizationBias(distinct(layer.getRegularizationBias()));
            }
        }
        return conf;
    }

    private static List<Regularization> distinct(List<Regularization> list) {
        if (list == null) {
            return null;
        }
        List<Regularization> kept = new ArrayList<>();
        for (Regularization r : list) {
            if (!kept.contains(r)) {
                kept.add(r);
            }
        }
        return kept;
    }
}
