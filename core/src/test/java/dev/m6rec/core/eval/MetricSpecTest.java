package dev.m6rec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricSpecTest {
    @Test
    void parsesNameAndCutOff() {
        assertThat(MetricSpec.parse("NDCG@20")).isEqualTo(new MetricSpec("ndcg", 20));
        assertThat(MetricSpec.parse("hr@10").toString()).isEqualTo("hr@10");
    }

    @Test
    void suggestsTheClosestNameForATypo() {
        assertThatThrownBy(() -> MetricSpec.parse("ndgc@10"))
                .hasMessage("unknown metric 'ndgc@10'; did you mean 'ndcg'? (available: hr, precision, recall, ndcg, mrr, map, "
                        + "coverage, gini, novelty, ild as name@K; auc, gauc, rmse, mae, logloss)");
    }

    @Test
    void wholeListMetricsTakeNoCutOff() {
        assertThat(MetricSpec.parse("AUC")).isEqualTo(new MetricSpec("auc", 0));
        assertThat(MetricSpec.parse("rmse").toString()).isEqualTo("rmse");
        assertThatThrownBy(() -> MetricSpec.parse("rmse@10")).hasMessage("metric 'rmse@10' takes no cut-off: write rmse");
    }

    @Test
    void refusesAMissingOrBadCutOff() {
        assertThatThrownBy(() -> MetricSpec.parse("recall")).hasMessage("metric 'recall' needs a cut-off, e.g. recall@10");
        assertThatThrownBy(() -> MetricSpec.parse("recall@0")).hasMessage("metric 'recall@0': cut-off must be a positive integer");
        assertThatThrownBy(() -> MetricSpec.parse("recall@x")).hasMessage("metric 'recall@x': cut-off must be a positive integer");
    }
}
