package dev.m6rec.plugins.features;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain). Used by the hashing trick
 * because, unlike {@link String#hashCode()}, it mixes well and is the same in every JVM and in
 * other tools (scikit-learn's {@code FeatureHasher} uses it with seed 0 on UTF-8 bytes).
 *
 * <pre>{@code
 * int h = Murmur3.hash32("gender=F", 0);
 * }</pre>
 */
final class Murmur3 {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    /** The hash of the UTF-8 bytes of {@code text}. */
    static int hash32(String text, int seed) {
        return hash32(text.getBytes(StandardCharsets.UTF_8), seed);
    }

    static int hash32(byte[] data, int seed) {
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int p = i * 4;
            int k = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (data[p + 3] & 0xff) << 24;
            h ^= mixKey(k);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int remaining = data.length - tail;
        if (remaining > 0) {
            int k = 0;
            for (int j = remaining - 1; j >= 0; j--) {
                k = k << 8 | data[tail + j] & 0xff;   // little-endian, as the reference tail switch
            }
            h ^= mixKey(k);
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int mixKey(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }
}
