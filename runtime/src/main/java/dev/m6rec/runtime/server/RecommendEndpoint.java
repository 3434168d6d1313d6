package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.api.UnknownEntityException;
import dev.m6rec.api.data.Attributes;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /v1/recommend?user=U&k=K} and {@code POST /v1/recommend} with
 * {@code {"user": "u1"}} and/or {@code {"attributes": {...}}} and an optional {@code "k"}. A known
 * user gets their personal list; an unknown one gets cold-start recommendations from the given
 * attributes (none on GET), or a 404 when the server is strict and no attributes were given.
 */
final class RecommendEndpoint {
    private static final Set<String> FIELDS = Set.of("user", "attributes", "k");
    private final M6Rec rec;
    private final boolean strict;

    /** The answer: who, whether it is a cold start, and the ranked items. */
    record RecommendationsJson(String user, boolean coldStart, List<Recommendation> items) {
    }

    RecommendEndpoint(M6Rec rec, boolean strict) {
        this.rec = rec;
        this.strict = strict;
    }

    ApiResponse get(ApiRequest request) {
        String user = request.requiredParam("user");
        int k = request.k();
        return ApiResponse.ok(forUser(user, null, k));
    }

    ApiResponse post(ApiRequest request) {
        JsonNode body = JsonCodec.requireObject(JsonCodec.parse(request.body(), false), "body", FIELDS);
        String user = JsonCodec.optionalString(body, "user", "body");
        JsonNode k = body.get("k");
        int size = ServerSettings.DEFAULT_K;
        if (k != null && !k.isNull()) {
            if (!k.isIntegralNumber() || !k.canConvertToLong()) {
                throw ApiRequest.kOutOfBounds(k.toString());
            }
            size = ApiRequest.checkK(k.longValue(), k.toString());
        }
        JsonNode attributesNode = body.get("attributes");
        Attributes attributes = attributesNode == null || attributesNode.isNull() ? null
                : AttributesJson.parse(attributesNode, "attributes");
        if (user == null && attributes == null) {
            throw ApiException.badRequest("give \"attributes\" (a new user's attributes) or \"user\"");
        }
        if (user == null) {
            return ApiResponse.ok(new RecommendationsJson(null, true, rec.recommend(attributes, size)));
        }
        return ApiResponse.ok(forUser(user, attributes, size));
    }

    private RecommendationsJson forUser(String user, Attributes attributes, int k) {
        try {
            return new RecommendationsJson(user, false, rec.recommend(user, k, null));
        } catch (UnknownEntityException e) {
            if (!e.kind().equals("user") || (strict && attributes == null)) {
                throw e;
            }
            return new RecommendationsJson(user, true, rec.recommend(attributes == null ? Attributes.none() : attributes, k));
        }
    }
}
