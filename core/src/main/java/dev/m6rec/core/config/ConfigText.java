package dev.m6rec.core.config;

import dev.m6rec.api.ConfigException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a config file: strict UTF-8 (a malformed byte is refused, never decoded to
 * U+FFFD) and no control characters such as NUL, each refused as {@code file:line} before
 * SnakeYAML sees the text, so the user gets one line instead of a parser trace.
 */
final class ConfigText {
    private ConfigText() {
    }

    static String decode(byte[] bytes, String fileName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new ConfigException(fileName + ":" + lineAt(bytes, in.position()),
                    "not UTF-8 text (byte 0x" + String.format("%02x", bytes[in.position()] & 0xff) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Refuses C0 control characters other than tab and line ends (YAML would refuse them with a trace). */
    static void refuseControlCharacters(String text, String fileName) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new ConfigException(fileName + ":" + lineAt(text, i), "control character U+"
                        + String.format("%04X", (int) c) + (c == 0 ? " (NUL)" : "") + " is not allowed in a config");
            }
        }
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineAt(String text, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
