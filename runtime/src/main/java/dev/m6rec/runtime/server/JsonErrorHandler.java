package dev.m6rec.runtime.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests the HTTP layer refuses before any endpoint sees them (a request line or
 * headers over the limits: 414, 431; a malformed request line or URI: 400; an HTTP version other than
 * 1.0 or 1.1: 505, the status RFC 9110 gives it) with the same
 * JSON error body as every other refusal, and counts them in the metrics under the label
 * {@value #REFUSED}.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** The metrics label of requests refused by the HTTP layer. */
    static final String REFUSED = "refused";
    private final ServerMetrics metrics;

    JsonErrorHandler(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ApiResponse answer = ApiResponse.error(code, describe(code, message));
        metrics.record(REFUSED, code, 0);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiResponse answer = ApiResponse.error(status, describe(status, reason));
        metrics.record(REFUSED, status, 0);
        fields.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        return ByteBuffer.wrap(answer.body());
    }

    private static String describe(int status, String reason) {
        String what = switch (status) {
            case 414 -> "request line longer than " + ServerSettings.MAX_HEADER_BYTES + " bytes";
            case 431 -> "request headers larger than " + ServerSettings.MAX_HEADER_BYTES + " bytes";
            case 505 -> "unsupported HTTP version; this server speaks HTTP/1.1 and HTTP/1.0";
            default -> "malformed request";
        };
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return what + " (" + detail + ")";
    }
}
