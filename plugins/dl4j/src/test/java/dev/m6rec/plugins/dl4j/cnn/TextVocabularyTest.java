package dev.m6rec.plugins.dl4j.cnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextVocabularyTest {

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        WordTokenizer.words(text, out);
        return out;
    }

    @Test
    void splitsLowerCaseWordsOfLettersAndDigits() {
        assertThat(words("Love & Death (1975)")).containsExactly("love", "death", "1975");
        assertThat(words("Amélie—ÉTÉ: Straße 2")).containsExactly("amélie", "été", "straße", "2");
        assertThat(words("  ")).isEmpty();
        assertThat(words(null)).isEmpty();
    }

    @Test
    void keepsWordsOfEnoughItemsMostItemsFirst() {
        String[][] items = {
                {"red", "red", "fox"},       // a word repeated in one item counts once
                {"blue", "fox"},
                {"blue", "fox", "owl"},
                {"blue", "red"}};
        TextVocabulary vocabulary = TextVocabulary.build(items, 2, 100);
        assertThat(vocabulary.words()).containsExactly("blue", "fox", "red");
        assertThat(vocabulary.size()).isEqualTo(5);
        assertThat(TextVocabulary.build(items, 2, 2).words()).containsExactly("blue", "fox");
        assertThat(TextVocabulary.build(items, 1, 100).words()).containsExactly("blue", "fox", "red", "owl");
    }

    @Test
    void encodesTruncatesAndPads() {
        TextVocabulary vocabulary = new TextVocabulary(List.of("blue", "fox"));
        int[] out = new int[8];
        vocabulary.encode(new String[] {"fox", "owl"}, 3, out, 1);
        vocabulary.encode(new String[] {"blue", "blue", "fox", "fox"}, 3, out, 4);
        assertThat(out).containsExactly(0, 3, TextVocabulary.UNKNOWN, TextVocabulary.PAD, 2, 2, 3, 0);
    }
}
