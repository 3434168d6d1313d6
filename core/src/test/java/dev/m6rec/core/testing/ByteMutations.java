package dev.m6rec.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded input mutations for the fuzz tests of parsers and loaders: a few insertions of
 * format-specific tokens or random bytes, deletions and duplications of a valid input, or random
 * bytes outright. Bytes map one-to-one to chars through ISO-8859-1, so any byte can appear.
 */
public final class ByteMutations {
    private final Random random;
    private final String[] tokens;

    /** {@code tokens} are the fragments that matter to the format under test (delimiters, quotes, "1e39"). */
    public ByteMutations(long seed, String... tokens) {
        this.random = new Random(seed);
        this.tokens = tokens.clone();
    }

    public byte[] randomBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to four edits of {@code valid}. */
    public byte[] mutate(byte[] valid) {
        StringBuilder text = new StringBuilder(new String(valid, StandardCharsets.ISO_8859_1));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, tokens[random.nextInt(tokens.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 2 -> text.insert(at, (char) random.nextInt(256));
                default -> {
                    if (text.length() > 0) {
                        int from = random.nextInt(text.length());
                        text.insert(at, text.substring(from, Math.min(text.length(), from + random.nextInt(40))));
                    }
                }
            }
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
