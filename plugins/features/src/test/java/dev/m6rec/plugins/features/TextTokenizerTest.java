package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {

    @Test
    void lowerCasesAndSplitsOnEverythingButLettersAndDigits() {
        TextTokenizer tokenizer = new TextTokenizer(Set.of());

        assertThat(tokenizer.tokens("Love & Death (1975)")).containsExactly("love", "death", "1975");
        assertThat(tokenizer.tokens("Amélie--Poulain's  CAFÉ")).containsExactly("amélie", "poulain", "s", "café");
        assertThat(tokenizer.tokens("x𝔸y z")).as("a letter outside the BMP").containsExactly("x𝔸y", "z");
        assertThat(tokenizer.tokens("...")).isEmpty();
        assertThat(tokenizer.tokens(null)).isEmpty();
    }

    @Test
    void dropsStopWordsButKeepsRepeats() {
        TextTokenizer tokenizer = new TextTokenizer(TextTokenizer.ENGLISH_STOP_WORDS);

        assertThat(tokenizer.tokens("The Lord of the Rings: The Return of the King"))
                .containsExactly("lord", "rings", "return", "king");
        assertThat(tokenizer.tokens("New York, New York")).containsExactly("new", "york", "new", "york");
    }
}
