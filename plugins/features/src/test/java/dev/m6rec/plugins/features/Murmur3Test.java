package dev.m6rec.plugins.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Test {
    private static final int SEED = 0x9747b28c;

    @Test
    void matchesTheReferenceVectorsOfMurmurHash3X86With32Bits() {
        assertThat(Murmur3.hash32("", 0)).isEqualTo(0);
        assertThat(Murmur3.hash32("", 1)).isEqualTo(0x514E28B7);
        assertThat(Murmur3.hash32("", 0xffffffff)).isEqualTo(0x81F16F39);
        assertThat(Murmur3.hash32(new byte[4], 0)).isEqualTo(0x2362F9DE);
        assertThat(Murmur3.hash32("a", SEED)).isEqualTo(0x7FA09EA6);
        assertThat(Murmur3.hash32("aa", SEED)).isEqualTo(0x5D211726);
        assertThat(Murmur3.hash32("aaa", SEED)).isEqualTo(0x283E0130);
        assertThat(Murmur3.hash32("aaaa", SEED)).isEqualTo(0x5A97808A);
        assertThat(Murmur3.hash32("ab", SEED)).isEqualTo(0x74875592);
        assertThat(Murmur3.hash32("abc", SEED)).isEqualTo(0xC84A62DD);
        assertThat(Murmur3.hash32("abcd", SEED)).isEqualTo(0xF0478627);
        assertThat(Murmur3.hash32("Hello, world!", SEED)).isEqualTo(0x24884CBA);
        assertThat(Murmur3.hash32("The quick brown fox jumps over the lazy dog", SEED)).isEqualTo(0x2FA826CD);
        assertThat(Murmur3.hash32("The quick brown fox jumps over the lazy dog", 0)).isEqualTo(0x2E4FF723);
    }

    @Test
    void hashesTheUtf8BytesOfText() {
        assertThat(Murmur3.hash32("genre=Comédie", 0))
                .isEqualTo(Murmur3.hash32("genre=Comédie".getBytes(StandardCharsets.UTF_8), 0));
        assertThat(Murmur3.hash32("é", 0)).isNotEqualTo(Murmur3.hash32(new byte[] {(byte) 0xe9}, 0));
    }
}
