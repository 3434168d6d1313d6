package dev.m6rec.bench.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection that sends GETs and reads whole answers, as a load generator
 * needs and no more: the status code, and the body skipped by its {@code Content-Length} (the
 * server always sends one; an answer without it is a read error). Not thread-safe: one per client thread.
 */
final class KeepAliveConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private boolean reusable = true;

    KeepAliveConnection(String host, int port, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(timeoutMillis);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends {@code request} (made by {@link #request}). */
    void send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
    }

    /** The status code of the next answer, once its whole body is read. */
    int answer() throws IOException {
        int headerEnd = readHeaders();
        String head = new String(buffer, start, headerEnd - start, StandardCharsets.ISO_8859_1);
        start = headerEnd + 4;
        int status = Integer.parseInt(head.substring(9, 12));
        long remaining = contentLength(head);
        while (remaining > 0) {
            if (start == end && !fill()) {
                throw new IOException("the server closed the connection inside an answer's body");
            }
            int taken = (int) Math.min(remaining, end - start);
            start += taken;
            remaining -= taken;
        }
        reusable = indexOfIgnoreCase(head, "\r\nConnection: close") < 0;
        return status;
    }

    /** False once the server said it closes this connection after its last answer. */
    boolean reusable() {
        return reusable;
    }

    static byte[] request(String host, int port, String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The index of the blank line's CR that ends the headers starting at {@code start}. */
    private int readHeaders() throws IOException {
        while (true) {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            if (!fill()) {
                throw new IOException("the server closed the connection before an answer's headers ended");
            }
        }
    }

    /** Reads more bytes, moving what is unread to the front first; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            throw new IOException("an answer's headers exceed " + buffer.length + " bytes");
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            return false;
        }
        end += read;
        return true;
    }

    private static long contentLength(String head) throws IOException {
        int at = indexOfIgnoreCase(head, "\r\nContent-Length:");
        if (at < 0) {
            throw new IOException("an answer without Content-Length: " + head.lines().findFirst().orElse(""));
        }
        int from = at + "\r\nContent-Length:".length();
        int to = head.indexOf("\r\n", from);
        return Long.parseLong(head.substring(from, to < 0 ? head.length() : to).trim());
    }

    private static int indexOfIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
