package dev.m6rec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Embedding M6-Rec" snippet, imports included, compiles against the runtime as a
 * host would compile it: its import lines head a class whose one method holds the rest.
 */
class ReadmeEmbeddingSnippetTest {
    private static final String SECTION = "## Embedding M6-Rec";

    @TempDir
    Path dir;

    /** The first ```java block after the section heading. */
    static String snippet(String readme) {
        int section = readme.indexOf(SECTION);
        assertThat(section).as("README section '%s'", SECTION).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theSnippetCompilesWithItsImports() throws IOException {
        String code = snippet(Files.readString(Path.of("../README.md")));
        List<String> imports = code.lines().filter(l -> l.startsWith("import ")).toList();
        String body = String.join("\n", code.lines().filter(l -> !l.startsWith("import ")).toList());
        assertThat(imports).as("the snippet names what it uses").isNotEmpty();
        String source = String.join("\n", imports) + "\n\nclass Snippet {\n    static void run() throws Exception {\n"
                + body + "\n    }\n}\n";
        Path file = Files.writeString(dir.resolve("Snippet.java"), source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", dir.toString(), "--release", "17", "-proc:none",
                    "-Xlint:all", "-classpath", System.getProperty("java.class.path")));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file)).call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
            assertThat(compiled).as("%s%n%s", source, problems).isTrue();
            assertThat(diagnostics.getDiagnostics()).as("warnings in%n%s", source)
                    .noneMatch(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
        }
        assertThat(imports).contains("import dev.m6rec.core.run.RunResult;");
    }
}
