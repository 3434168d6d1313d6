package dev.m6rec.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.eval.GroupMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {
    @TempDir
    Path dir;

    @Test
    void writesTestValidAndTheGroupsInOrderWithTheirUserCounts() throws IOException {
        Map<String, Double> cold = new LinkedHashMap<>();
        cold.put("ndcg@10", 0.25);
        cold.put("rmse", Double.NaN);
        Map<String, Double> none = new LinkedHashMap<>();
        none.put("ndcg@10", Double.NaN);
        none.put("rmse", Double.NaN);
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(file, Map.of("ndcg@10", 0.5), Map.of("ndcg@10", 0.375),
                List.of(new GroupMetrics("0", 4, cold), new GroupMetrics(">0", 0, none)));
        assertThat(Files.readString(file).replaceAll("\\s+", "")).isEqualTo("{\"test\":{\"ndcg@10\":0.375},"
                + "\"valid\":{\"ndcg@10\":0.5},\"groups\":{\"0\":{\"users\":4,\"metrics\":{\"ndcg@10\":0.25,\"rmse\":null}},"
                + "\">0\":{\"users\":0,\"metrics\":{\"ndcg@10\":null,\"rmse\":null}}}}");
    }
}
