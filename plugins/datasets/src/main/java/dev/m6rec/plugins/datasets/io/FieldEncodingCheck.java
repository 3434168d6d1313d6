package dev.m6rec.plugins.datasets.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses the fields of a record that are not text: a NUL byte (binary data, or an id that would
 * print like another), or bytes that are not valid in the file's charset. The decoder reports
 * malformed input instead of replacing it with U+FFFD, so two different ids never become one and
 * no id is silently altered. Plain ASCII fields, nearly all of them, cost one scan.
 */
final class FieldEncodingCheck {
    private final CharsetDecoder decoder;
    private CharBuffer chars = CharBuffer.allocate(256);

    FieldEncodingCheck(Charset charset) {
        // ISO-8859-1 maps every byte to a character, so only NUL can be wrong there.
        this.decoder = charset.equals(StandardCharsets.ISO_8859_1) ? null : charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Why the record's fields are not text, or null when they are. */
    String problem(byte[] buffer, int[] starts, int[] ends, int fieldCount) {
        for (int f = 0; f < fieldCount; f++) {
            boolean nonAscii = false;
            for (int p = starts[f]; p < ends[f]; p++) {
                byte b = buffer[p];
                if (b == 0) {
                    return "field " + (f + 1) + " contains a NUL byte";
                }
                nonAscii |= b < 0;
            }
            if (nonAscii && decoder != null) {
                int bad = firstMalformed(buffer, starts[f], ends[f]);
                if (bad >= 0) {
                    return "field " + (f + 1) + " is not valid " + decoder.charset().name() + " (byte 0x"
                            + String.format("%02x", buffer[bad] & 0xff) + ")";
                }
            }
        }
        return null;
    }

    /** The index of the first byte that does not decode, or -1. */
    private int firstMalformed(byte[] buffer, int start, int end) {
        if (chars.capacity() < end - start) {
            chars = CharBuffer.allocate(end - start);
        }
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(buffer, start, end - start);
        decoder.reset();
        CoderResult result = decoder.decode(in, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        return result.isError() ? in.position() : -1;
    }
}
