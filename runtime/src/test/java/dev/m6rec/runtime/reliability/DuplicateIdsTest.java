package dev.m6rec.runtime.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.m6rec.runtime.TinyPipelines;
import dev.m6rec.runtime.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, part 6: a duplicated id line in a resealed artifact's users.txt/items.txt is exit 2 naming file:line. */
class DuplicateIdsTest {
    @TempDir
    Path dir;

    @Test
    void aDuplicatedIdLineInAResealedArtifactIsRefusedNamingTheLine() throws Exception {
        Path artifact = TinyPipelines.artifact(dir, "pop", TinyPipelines.POPULARITY);
        for (String name : new String[] {"users.txt", "items.txt"}) {
            Path copy = TinyPipelines.copy(artifact, dir.resolve("dup-" + name));
            Path file = copy.resolve("pipeline").resolve(name);
            String text = Files.readString(file);
            String first = text.substring(0, text.indexOf('\n') + 1);
            resealed(copy, "pipeline/" + name, text + first);
            long lines = text.lines().count();
            CliRunner result = CliRunner.run("recommend", "--artifact", copy.toString(), "--user", "u1");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).isEqualTo("error: " + copy.resolve("pipeline").toAbsolutePath() + "/" + name + ":"
                    + (lines + 1) + ": duplicate id '" + first.strip() + "' (first on line 1)" + System.lineSeparator());
        }
    }

    /** Replaces a file and recomputes its checksum in the manifest and the manifest's own, as a forger would. */
    private static void resealed(Path artifact, String file, String content) throws IOException, NoSuchAlgorithmException {
        Files.writeString(artifact.resolve(file), content);
        ObjectMapper json = new ObjectMapper();
        Path manifestFile = artifact.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) json.readTree(manifestFile.toFile());
        ((ObjectNode) manifest.get("files")).put(file, sha256(content.getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        Files.write(manifestFile, bytes);
        Files.writeString(artifact.resolve("manifest.sha256"), sha256(bytes) + "  manifest.json\n");
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
