package dev.m6rec.runtime.server;

import dev.m6rec.api.ConfigException;
import dev.m6rec.runtime.Contribution;
import dev.m6rec.runtime.M6Rec;
import java.util.List;

/**
 * {@code GET /v1/explain?user=U&item=I}: the user's history items that weigh most towards the
 * item. Unknown user or item 404 (an unknown user has no history to explain with).
 */
final class ExplainEndpoint {
    private final M6Rec rec;

    /** The answer: the pair asked about and the contributing history items, strongest first. */
    record ExplanationJson(String user, String item, List<Contribution> because) {
    }

    ExplainEndpoint(M6Rec rec) {
        this.rec = rec;
    }

    ApiResponse get(ApiRequest request) {
        String user = request.requiredParam("user");
        String item = request.requiredParam("item");
        try {
            return ApiResponse.ok(new ExplanationJson(user, item, rec.explain(user, item)));
        } catch (ConfigException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }
}
