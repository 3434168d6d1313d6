package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.optimize.ParameterKind;
import dev.m6rec.api.optimize.SearchParameter;
import dev.m6rec.api.optimize.SearchSpace;
import dev.m6rec.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceParserTest {
    private final PluginRegistry registry = StubFactories.registry();

    private RunConfig config(String space) {
        String yaml = """
                interest: { type: mlp }
                similarity: { type: cosine }
                optimizer:
                  type: tpe
                  trials: 10
                  space:
                """ + space;
        return RunConfigValidator.validate(new ConfigLoader(k -> null, k -> null).parse(yaml, Path.of("t.yaml"), List.of()),
                registry);
    }

    private SearchSpace parse(String space) {
        RunConfig config = config(space);
        return SearchSpaceParser.parse(config.optimizer().orElseThrow().section().getMap("space"), config, registry);
    }

    @Test
    void readsEveryKindAndConditionsParentsFirst() {
        SearchSpace space = parse("""
                    similarity.neighbours: { int: [10, 100], when: { similarity.type: [cosine] } }
                    "interest.hidden[0]": { log-int: [16, 256] }
                    interest.loss.click: { float: [0.0, 1.0] }
                    similarity.type: { choice: [cosine] }
                """);
        assertThat(space.parameters()).extracting(SearchParameter::path)
                .containsExactly("interest.hidden[0]", "interest.loss.click", "similarity.type", "similarity.neighbours");
        SearchParameter hidden = space.parameters().get(0);
        assertThat(hidden.kind()).isEqualTo(ParameterKind.LOG_INT);
        assertThat(hidden.low()).isEqualTo(16);
        assertThat(space.parameters().get(3).parentPath()).isEqualTo("similarity.type");
        assertThat(space.isActive(space.parameters().get(3), Map.of("similarity.type", "cosine"))).isTrue();
        assertThat(space.isActive(space.parameters().get(3), Map.of("similarity.type", "jaccard"))).isFalse();
    }

    @Test
    void reportsEveryBadPathAndRangeWithItsKeyPath() {
        assertThatThrownBy(() -> parse("""
                    interest.hiden: { int: [1, 2] }
                    interest.epochs: { int: [5, 1] }
                    interest.loss.rating: { log-float: [0, 1] }
                    data.nothing: { float: [0, 1] }
                    interest.activation: { choice: [] }
                    similarity.neighbours: { int: [1, 5], when: { similarity.type: [cosine] } }
                """))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Object::toString).containsExactly(
                        "optimizer.space.interest.hiden: no such config path: 'interest.hiden'; did you mean 'interest.hidden'?",
                        "optimizer.space.interest.epochs.int: low must be <= high (was [5, 1])",
                        "optimizer.space.interest.loss.rating.log-float: a log range must be > 0 (was [0, 1])",
                        "optimizer.space.data.nothing: no such config path: 'data.nothing'",
                        "optimizer.space.interest.activation.choice: expected a non-empty list of values",
                        "optimizer.space.similarity.neighbours.when: 'similarity.type' is not a parameter of the search space"));
    }
}
