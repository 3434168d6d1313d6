package dev.m6rec.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.runtime.Event;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two message formats: every field, the defaults a redelivery repeats, and each malformed case's reason. */
class MessageFormatTest {
    private static Event parse(MessageFormat format, String text) throws MalformedMessageException {
        return format.parse(text.getBytes(StandardCharsets.UTF_8), 1_700_000_000L, "t-0-7");
    }

    private static void assertMalformed(MessageFormat format, String text, String why) {
        assertThatThrownBy(() -> parse(format, text)).isInstanceOf(MalformedMessageException.class).hasMessage(why);
    }

    @Test
    void jsonReadsEveryFieldAndDefaultsToTheMessagesTimestampAndPosition() throws Exception {
        assertThat(parse(MessageFormat.JSON, "{\"id\": \"e-1\", \"user\": \"u\", \"item\": \"i\", \"rating\": 4.5, "
                + "\"timestamp\": 12}")).isEqualTo(new Event("u", "i", 4.5f, 12, "e-1"));
        assertThat(parse(MessageFormat.JSON, "{\"user\": \"u\", \"item\": \"i\"}"))
                .isEqualTo(new Event("u", "i", Float.NaN, 1_700_000_000L, "t-0-7"));
    }

    @Test
    void csvReadsOptionalTrailingFieldsAndTreatsEmptyOnesAsAbsent() throws Exception {
        assertThat(parse(MessageFormat.CSV, "u,i,3,99,e-2\n")).isEqualTo(new Event("u", "i", 3f, 99, "e-2"));
        assertThat(parse(MessageFormat.CSV, "u,i,,,")).isEqualTo(new Event("u", "i", Float.NaN, 1_700_000_000L, "t-0-7"));
        assertThat(parse(MessageFormat.CSV, "u,i")).isEqualTo(new Event("u", "i", Float.NaN, 1_700_000_000L, "t-0-7"));
    }

    @Test
    void malformedMessagesSayWhy() {
        assertMalformed(MessageFormat.JSON, "[1]", "not a JSON object");
        assertMalformed(MessageFormat.JSON, "{\"user\": \"u\"}", "item: missing");
        assertMalformed(MessageFormat.JSON, "{\"user\": \"u\", \"item\": \"i\", \"score\": 1}", "unknown field 'score'");
        assertMalformed(MessageFormat.JSON, "{\"user\": 7, \"item\": \"i\"}", "user: must be a string (was 7)");
        assertMalformed(MessageFormat.JSON, "{\"user\": \"u\", \"item\": \"i\", \"rating\": 1e39}",
                "rating: must be finite within float range (was '1.0E39')");
        assertMalformed(MessageFormat.JSON, "{\"user\": \"u\", \"item\": \"i\", \"timestamp\": 1.5}",
                "timestamp: must be whole seconds (was 1.5)");
        assertMalformed(MessageFormat.JSON, "{\"user\": \"u\", \"item\": \"i\", \"id\": \"@3\"}",
                "id must not start with '@' (reserved for generated ids)");
        assertMalformed(MessageFormat.CSV, "u", "expected user,item[,rating[,timestamp[,id]]] (had 1 fields)");
        assertMalformed(MessageFormat.CSV, "u,i,x", "rating: not a number (was 'x')");
        assertMalformed(MessageFormat.CSV, "u,i,1,-5", "timestamp: must be >= 0 (was -5)");
        assertThatThrownBy(() -> MessageFormat.CSV.parse(new byte[] {(byte) 0xff, ','}, 0, "t-0-1"))
                .hasMessage("not UTF-8 text");
        assertThatThrownBy(() -> MessageFormat.JSON.parse((byte[]) null, 0, "t-0-1"))
                .hasMessage("no value (a tombstone)");
    }
}
