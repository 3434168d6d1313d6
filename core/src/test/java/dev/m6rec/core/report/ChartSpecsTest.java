package dev.m6rec.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSpecsTest {
    @Test
    void linesAreTickedAtTheMeasuredKAndCoincidingSeriesDifferInDashAndShape() {
        ObjectNode spec = ChartSpecs.lines("t", "K", "value", "metric", List.of(new ChartPoint("hr", 1, 0.5),
                new ChartPoint("recall", 1, 0.5), new ChartPoint("ndcg", 1, Double.NaN)), new double[] {1, 5, 10});

        assertThat(spec.at("/encoding/x/axis/values").toString()).isEqualTo("[1.0,5.0,10.0]");
        JsonNode layer = spec.get("layer");
        assertThat(layer.get(0).at("/encoding/strokeDash/field").asText()).isEqualTo("series");
        assertThat(layer.get(1).at("/encoding/shape/field").asText()).isEqualTo("series");
        assertThat(spec.at("/encoding/color/field").asText()).isEqualTo("series");
        // JSON has no NaN: an unmeasured point is left out, not written
        assertThat(spec.at("/data/values").size()).isEqualTo(2);
        assertThat(spec.at("/config/legend/disable").asBoolean()).isFalse();
    }

    @Test
    void aSingleSeriesHasNoLegendAndBarsKeepTheGivenCategoryOrder() {
        ObjectNode spec = ChartSpecs.groupedBars("t", "group", "v", "metric",
                List.of(new ChartPoint("hr", "6-20", 1), new ChartPoint("hr", "0", 2)));

        assertThat(spec.at("/config/legend/disable").asBoolean()).isTrue();
        assertThat(spec.at("/encoding/x/sort").toString()).isEqualTo("[\"6-20\",\"0\"]");
    }
}
