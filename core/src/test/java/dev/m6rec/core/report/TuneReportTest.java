package dev.m6rec.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TuneReportTest {
    @Test
    void parametersReadAsPeopleWriteThem() {
        assertThat(TuneReport.parameter(14.434567890123456)).isEqualTo("14.43");
        assertThat(TuneReport.parameter(0.1)).isEqualTo("0.1");
        assertThat(TuneReport.parameter(1000.0)).isEqualTo("1000");
        assertThat(TuneReport.parameter(1.0e-5)).isEqualTo("1e-05");
        assertThat(TuneReport.parameter(246)).isEqualTo("246");
        assertThat(TuneReport.parameter("jaccard")).isEqualTo("jaccard");
        assertThat(TuneReport.parameter(null)).isEmpty();
    }
}
