package dev.m6rec.runtime.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while the client is slow: chunks are taken as
 * they arrive and the endpoint runs only once the body is complete, so half a POST body costs a
 * connection, never a worker. Over {@link ServerSettings#MAX_BODY_BYTES} is a 413 (the rest is
 * read and dropped up to {@link #DRAIN_LIMIT} so the client sees the answer, not a reset); a body
 * that stops arriving fails after the idle timeout with a 408.
 */
final class RequestBody implements Runnable {
    /** A too-large body is read and discarded up to this size so the client sees the 413, not a reset. */
    static final long DRAIN_LIMIT = 16L << 20;
    private final Request request;
    private final Consumer<Outcome> done;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    /** The whole body, or why there is none. */
    record Outcome(byte[] body, ApiException refused) {
    }

    private RequestBody(Request request, Consumer<Outcome> done) {
        this.request = request;
        this.done = done;
    }

    /** Starts reading; {@code done} is called once, on a server thread, with the body or the refusal. */
    static void read(Request request, Consumer<Outcome> done) {
        new RequestBody(request, done).run();
    }

    @Override
    public void run() {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                done.accept(new Outcome(null, failure instanceof TimeoutException
                        ? new ApiException(408, "the request body did not arrive in time")
                        : ApiException.badRequest("cannot read the request body: " + failure.getMessage())));
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int n = bytes.remaining();
            if (total + n <= ServerSettings.MAX_BODY_BYTES) {
                byte[] copy = new byte[n];
                bytes.get(copy);
                kept.writeBytes(copy);
            }
            total += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (last || total > DRAIN_LIMIT) {
                done.accept(total > ServerSettings.MAX_BODY_BYTES
                        ? new Outcome(null, new ApiException(413, "request body larger than " + ServerSettings.MAX_BODY_BYTES + " bytes"))
                        : new Outcome(kept.toByteArray(), null));
                return;
            }
        }
    }
}
