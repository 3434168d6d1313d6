package dev.m6rec.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageCapTest {

    @Test
    void shortMessagesPassUnchanged() {
        assertThat(MessageCap.cap("data.path: no such file\n  and a second line")).isEqualTo("data.path: no such file\n  and a second line");
    }

    @Test
    void aLongLineIsCutSayingHowMuchWasLeftOut() {
        String capped = MessageCap.cap("header: " + "y".repeat(3_000_000));
        assertThat(capped).hasSize(MessageCap.LINE + "... (2999008 more characters)".length())
                .endsWith("y... (2999008 more characters)");
    }

    @Test
    void tooManyLinesAreCutSayingHowManyWereLeftOut() {
        String capped = MessageCap.cap("line\n".repeat(500).strip());
        assertThat(capped.lines().count()).isEqualTo(MessageCap.LINES + 1);
        assertThat(capped).endsWith("\n... (300 more lines)");
    }
}
