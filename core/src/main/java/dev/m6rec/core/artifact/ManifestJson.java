package dev.m6rec.core.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.m6rec.api.ArtifactException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code manifest.json} strictly: a duplicate key (which would resolve last-wins), a number
 * given as a string ({@code "1"}) or a fraction where a whole number belongs ({@code 1.5}), and a
 * missing field are refused, and every field is checked, before anything trusts the manifest.
 * Its checksum only proves the manifest was not altered after sealing, not that it is well formed.
 */
final class ManifestJson {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ManifestJson() {
    }

    static ArtifactManifest read(Path manifestFile) {
        ArtifactManifest manifest;
        try {
            manifest = STRICT.readValue(manifestFile.toFile(), ArtifactManifest.class);
        } catch (JsonProcessingException e) {
            throw new ArtifactException(manifestFile + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr())
                    + ": unreadable manifest" + pathOf(e) + " (" + firstLine(e.getOriginalMessage()) + ")", e);
        } catch (IOException e) {
            throw new ArtifactException(manifestFile + ": unreadable manifest (" + e.getMessage() + ")", e);
        }
        if (!ArtifactManifest.FORMAT.equals(manifest.format())) {
            throw new ArtifactException(manifestFile + ": not an M6-Rec artifact manifest (format '" + manifest.format()
                    + "')");
        }
        if (manifest.formatVersion() > ArtifactManifest.CURRENT_VERSION || manifest.formatVersion() < 1) {
            throw new ArtifactException(manifestFile + ": artifact format version " + manifest.formatVersion()
                    + " is not supported (this M6-Rec reads version " + ArtifactManifest.CURRENT_VERSION + ")");
        }
        checkFields(manifestFile, manifest);
        return manifest;
    }

    private static void checkFields(Path file, ArtifactManifest manifest) {
        Set<String> plugins = new HashSet<>();
        for (ArtifactManifest.PluginEntry plugin : manifest.plugins()) {
            require(file, plugin != null && isName(plugin.name()) && isName(plugin.version()),
                    "plugins: each entry needs a name and a version");
            require(file, plugins.add(plugin.name()), "plugins: '" + plugin.name() + "' is listed twice");
        }
        Set<String> paths = new HashSet<>();
        for (ArtifactManifest.ComponentEntry c : manifest.components()) {
            require(file, c != null && isName(c.path()) && isName(c.type()) && isName(c.plugin()),
                    "components: each entry needs a path, a type and a plugin");
            require(file, paths.add(c.path()), "components: '" + c.path() + "' is listed twice");
            require(file, plugins.contains(c.plugin()), "components: '" + c.path() + "' names plugin '" + c.plugin()
                    + "', which is not in plugins");
            require(file, c.folder() == null || c.folder().equals(folderOf(c.path())),
                    "components: '" + c.path() + "' has folder '" + c.folder() + "', expected '" + folderOf(c.path())
                            + "'");
        }
        manifest.metrics().forEach((split, values) -> {
            require(file, values != null, "metrics." + split + ": expected an object of numbers");
            values.forEach((metric, value) -> require(file, value != null && Double.isFinite(value),
                    "metrics." + split + "." + metric + ": expected a finite number (was " + value + ")"));
        });
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            require(file, entry.getValue() != null && SHA256.matcher(entry.getValue()).matches(),
                    "files." + entry.getKey() + ": expected a SHA-256 of 64 lowercase hex digits");
        }
    }

    private static String folderOf(String componentPath) {
        try {
            return ArtifactFileNames.folderOf(componentPath);
        } catch (ArtifactException e) {
            return null;
        }
    }

    private static boolean isName(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(Path file, boolean condition, String message) {
        if (!condition) {
            throw new ArtifactException(file + ": " + message);
        }
    }

    /** " at formatVersion", " at components[0].path", or "" when the problem is not in a field. */
    private static String pathOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return " at " + path;
    }

    private static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }
}
