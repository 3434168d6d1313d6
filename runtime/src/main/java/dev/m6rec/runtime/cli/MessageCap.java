package dev.m6rec.runtime.cli;

/**
 * Bounds what the CLI prints for one error: a line of {@value #LINE} characters at most, and at
 * most {@value #LINES} lines, each cut saying how much was left out. Messages quote user input
 * (a header line, a value), and a file read with the wrong delimiter once made a 3.8 MB "header".
 */
final class MessageCap {
    static final int LINE = 1_000;
    static final int LINES = 200;

    private MessageCap() {
    }

    static String cap(String message) {
        if (message == null) {
            return null;
        }
        String[] lines = message.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, LINES); i++) {
            String line = lines[i];
            out.append(i == 0 ? "" : "\n").append(line.length() <= LINE ? line
                    : line.substring(0, LINE) + "... (" + (line.length() - LINE) + " more characters)");
        }
        if (lines.length > LINES) {
            out.append("\n... (").append(lines.length - LINES).append(" more lines)");
        }
        return out.toString();
    }
}
