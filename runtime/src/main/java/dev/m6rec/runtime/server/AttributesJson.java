package dev.m6rec.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m6rec.api.data.Attributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The attributes of a new user as JSON: numbers stay numbers, strings are categories (or text),
 * arrays of strings are tags; null means absent. Anything else is a 400 naming the attribute.
 *
 * <pre>{@code {"age": 31, "gender": "F", "genres": ["Comedy"]}}</pre>
 */
final class AttributesJson {
    private AttributesJson() {
    }

    static Attributes parse(JsonNode node, String what) {
        if (!node.isObject()) {
            throw ApiException.badRequest(what + ": must be a JSON object of attribute values (was " + node.getNodeType() + ")");
        }
        Attributes.Builder builder = Attributes.builder();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = what + "." + name;
            if (value.isNull()) {
                continue;
            }
            if (value.isNumber()) {
                double number = value.doubleValue();
                if (!Double.isFinite(number)) {
                    throw ApiException.badRequest(at + ": must be a finite number (was " + value + ")");
                }
                builder.number(name, number);
            } else if (value.isTextual()) {
                builder.category(name, value.textValue());
            } else if (value.isArray()) {
                List<String> tags = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    if (!value.get(i).isTextual()) {
                        throw ApiException.badRequest(at + "[" + i + "]: must be a string (was " + value.get(i) + ")");
                    }
                    tags.add(value.get(i).textValue());
                }
                builder.tags(name, tags);
            } else {
                throw ApiException.badRequest(at + ": must be a number, a string or a list of strings (was "
                        + value + ")");
            }
        }
        return builder.build();
    }
}
