package dev.m6rec.runtime.server;

import dev.m6rec.api.ConfigException;
import dev.m6rec.runtime.M6Rec;
import dev.m6rec.runtime.Recommendation;
import java.util.List;

/** {@code GET /v1/similar?item=I&k=K}: the items most similar to one item; unknown item 404. */
final class SimilarEndpoint {
    private final M6Rec rec;

    /** The answer: the item asked about and its neighbours, most similar first. */
    record SimilarJson(String item, List<Recommendation> items) {
    }

    SimilarEndpoint(M6Rec rec) {
        this.rec = rec;
    }

    ApiResponse get(ApiRequest request) {
        String item = request.requiredParam("item");
        int k = request.k();
        try {
            return ApiResponse.ok(new SimilarJson(item, rec.similarItems(item, k)));
        } catch (ConfigException e) {
            // The served pipeline has no similarity model: nothing to find here, whatever the request.
            throw ApiException.notFound(e.getMessage());
        }
    }
}
