package dev.m6rec.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m6rec.core.eval.GroupMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunReportGroupsTest {
    private static Map<String, Double> metrics(double hr, double ndcg) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hr@10", hr);
        m.put("ndcg@10", ndcg);
        return m;
    }

    @Test
    void oneRowPerGroupWithItsUsersAndEveryTestMetric() {
        List<GroupMetrics> groups = List.of(new GroupMetrics("0", 12, metrics(0.25, 0.125)),
                new GroupMetrics("1-5", 3, metrics(1, 0.5)), new GroupMetrics(">5", 0, metrics(Double.NaN, Double.NaN)));
        assertThat(RunReport.groupRows(groups, List.of("hr@10", "ndcg@10"))).containsExactly(
                List.of("training interactions", "users", "hr@10", "ndcg@10"),
                List.of("0", "12", "0.2500", "0.1250"),
                List.of("1-5", "3", "1.0000", "0.5000"),
                List.of(">5", "0", "-", "-"));
    }
}
