package dev.m6rec.plugins.dl4j.cnn;

import static java.util.Objects.requireNonNull;

import dev.m6rec.api.ArtifactException;
import dev.m6rec.api.artifact.ArtifactReader;
import dev.m6rec.api.artifact.ArtifactWriter;
import dev.m6rec.api.data.AttributeTable;
import java.util.Arrays;
import java.util.List;

/**
 * What the text encoder reads: every item's words as {@code tokens} vocabulary indexes
 * (row-major {@code [numItems][tokens]}, padded), and the vocabulary. Kept in the model's
 * artifact, so a loaded model scores without the dataset.
 *
 * <pre>{@code
 * ItemTokens titles = ItemTokens.build(dataset.attributes(EntityKind.ITEM), settings.text(), "interest.text.field");
 * titles.write(out);
 * ItemTokens restored = ItemTokens.read(in, settings.text(), numItems);
 * }</pre>
 */
final class ItemTokens {
    static final String SHAPE_FILE = "text-shape.i64";
    static final String VOCABULARY_FILE = "text-vocabulary.txt";
    static final String TOKENS_FILE = "text-tokens.i32";
    private static final long FORMAT = 1;
    private final TextVocabulary vocabulary;
    private final int numItems;
    private final int tokens;
    private final int[] matrix;

    private ItemTokens(TextVocabulary vocabulary, int numItems, int tokens, int[] matrix) {
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.numItems = numItems;
        this.tokens = tokens;
        this.matrix = requireNonNull(matrix, "matrix is null");
    }

    /** Tokenises attribute {@code text.field()} of every item; {@code where} names that key in errors. */
    static ItemTokens build(AttributeTable items, TextEncoderSettings text, String where) {
        String[][] words = ItemWords.of(items, text.field(), where);
        TextVocabulary vocabulary = TextVocabulary.build(words, text.minCount(), text.maxWords());
        int[] matrix = new int[Math.multiplyExact(words.length, text.tokens())];
        for (int i = 0; i < words.length; i++) {
            vocabulary.encode(words[i], text.tokens(), matrix, i * text.tokens());
        }
        return new ItemTokens(vocabulary, words.length, text.tokens(), matrix);
    }

    int numItems() {
        return numItems;
    }

    int tokens() {
        return tokens;
    }

    /** Rows of the word-embedding table (padding and unknown included). */
    int vocabularySize() {
        return vocabulary.size();
    }

    List<String> words() {
        return vocabulary.words();
    }

    /** All items' token indexes as floats (what DL4J's embedding layers read), {@code [numItems][tokens]}. */
    float[] asFloats() {
        float[] out = new float[matrix.length];
        for (int k = 0; k < matrix.length; k++) {
            out[k] = matrix[k];
        }
        return out;
    }

    void write(ArtifactWriter out) {
        out.writeLongs(SHAPE_FILE, new long[] {FORMAT, numItems, tokens, vocabulary.size()});
        out.writeText(VOCABULARY_FILE, String.join("\n", vocabulary.words()));
        out.writeInts(TOKENS_FILE, matrix);
    }

    /** Reads and checks what {@link #write} stored; any mismatch is an {@link ArtifactException} naming the file. */
    static ItemTokens read(ArtifactReader in, TextEncoderSettings text, int numItems) {
        String where = in.location() + "/";
        long[] header = in.readLongs(SHAPE_FILE);
        if (header.length != 4 || header[0] != FORMAT) {
            throw new ArtifactException(where + SHAPE_FILE + ": not a cnn text-encoder header of format " + FORMAT);
        }
        if (header[1] != numItems) {
            throw new ArtifactException(where + SHAPE_FILE + ": encodes " + header[1] + " items, the inputs have "
                    + numItems);
        }
        if (header[2] != text.tokens()) {
            throw new ArtifactException(where + SHAPE_FILE + ": holds " + header[2]
                    + " tokens per item, the configuration says text.tokens " + text.tokens());
        }
        String stored = in.readText(VOCABULARY_FILE);
        List<String> words = stored.isEmpty() ? List.of() : Arrays.asList(stored.split("\n", -1));
        TextVocabulary vocabulary;
        try {
            vocabulary = new TextVocabulary(words);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(where + VOCABULARY_FILE + ": " + e.getMessage());
        }
        if (vocabulary.size() != header[3]) {
            throw new ArtifactException(where + VOCABULARY_FILE + ": holds " + words.size() + " words, "
                    + SHAPE_FILE + " says " + (header[3] - 2));
        }
        int[] matrix = in.readInts(TOKENS_FILE);
        if (matrix.length != (long) numItems * text.tokens()) {
            throw new ArtifactException(where + TOKENS_FILE + ": holds " + matrix.length + " tokens, expected "
                    + numItems + " items x " + text.tokens());
        }
        for (int k = 0; k < matrix.length; k++) {
            if (matrix[k] < 0 || matrix[k] >= vocabulary.size()) {
                throw new ArtifactException(where + TOKENS_FILE + ": token " + matrix[k] + " of item " + k / text.tokens()
                        + " outside 0.." + (vocabulary.size() - 1));
            }
        }
        return new ItemTokens(vocabulary, numItems, text.tokens(), matrix);
    }
}
