package dev.m6rec.plugins.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalParserTest {

    private static float parseFloat(String text) {
        byte[] bytes = ("xx" + text + "yy").getBytes(StandardCharsets.ISO_8859_1);
        return DecimalParser.parseFloat(bytes, 2, bytes.length - 2);
    }

    private static long parseLong(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return DecimalParser.parseLong(bytes, 0, bytes.length);
    }

    @Test
    void agreesWithTheJdkOnRandomDecimalsBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> different = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            int whole = random.nextInt(6);
            int decimals = random.nextInt(11);
            StringBuilder text = new StringBuilder(random.nextInt(5) == 0 ? "-" : "");
            for (int k = 0; k < whole; k++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (decimals > 0 || whole == 0) {
                text.append('.');
                for (int k = 0; k < Math.max(decimals, 1); k++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            String s = text.toString();
            if (Float.floatToIntBits(parseFloat(s)) != Float.floatToIntBits(Float.parseFloat(s))) {
                different.add(s);
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void readsRatingsAndExponents() {
        assertThat(parseFloat("4")).isEqualTo(4f);
        assertThat(parseFloat("3.5")).isEqualTo(3.5f);
        assertThat(parseFloat(" 0.5 ")).isEqualTo(0.5f);
        assertThat(parseFloat("+2")).isEqualTo(2f);
        assertThat(parseFloat(".25")).isEqualTo(0.25f);
        assertThat(parseFloat("1e3")).isEqualTo(1000f);
        assertThat(parseFloat("12345678901234567890")).isEqualTo(Float.parseFloat("12345678901234567890"));
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String bad : new String[] {"", " ", "x", "-", ".", "NaN", "Infinity", "1.5f", "0x1p3", "1,5", "1e", "--1",
            "4 stars"}) {
            assertThat(parseFloat(bad)).as("'" + bad + "'").isNaN();
            assertThat(parseLong(bad)).as("'" + bad + "'").isEqualTo(DecimalParser.NOT_A_LONG);
        }
    }

    @Test
    void readsWholeNumbersAndTruncatesDecimals() {
        assertThat(parseLong("881250949")).isEqualTo(881250949L);
        assertThat(parseLong("-12")).isEqualTo(-12L);
        assertThat(parseLong("1700000000000")).isEqualTo(1_700_000_000_000L);
        assertThat(parseLong("881250949.0")).isEqualTo(881250949L);
        assertThat(parseLong("2.9")).isEqualTo(2L);
        assertThat(parseLong("1e3")).isEqualTo(1000L);
        assertThat(parseLong("99999999999999999999")).isEqualTo(DecimalParser.NOT_A_LONG);
    }
}
