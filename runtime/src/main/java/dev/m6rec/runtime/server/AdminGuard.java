package dev.m6rec.runtime.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the {@code /admin/*} endpoints: without a configured token they are off (403); with one,
 * a request must carry {@code Authorization: Bearer <token>} (else 401). The comparison takes the
 * same time wherever the first wrong byte is ({@link MessageDigest#isEqual}), so the token cannot
 * be guessed byte by byte from response times.
 */
final class AdminGuard {
    private static final String BEARER = "Bearer ";
    private final byte[] token;

    /** @param token the secret, or null to turn {@code /admin/*} off */
    AdminGuard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code endpoint}, answered only for requests that present the token. */
    Endpoint guard(Endpoint endpoint) {
        return request -> {
            check(request.header("Authorization"));
            return endpoint.handle(request);
        };
    }

    private void check(String authorization) {
        if (token == null) {
            throw new ApiException(403, "the admin endpoints are off; start the server with --admin-token-file "
                    + "or the M6REC_ADMIN_TOKEN environment variable to turn them on");
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            throw new ApiException(401, "the admin endpoints need the header 'Authorization: Bearer <token>'");
        }
        byte[] given = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new ApiException(401, "wrong admin token");
        }
    }
}
