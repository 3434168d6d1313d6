package dev.m6rec.core.artifact;

import dev.m6rec.api.ArtifactException;
import java.util.regex.Pattern;

/** Component file names are plain names: no folders, no dot-files, nothing that escapes the folder. */
final class ArtifactFileNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ArtifactFileNames() {
    }

    static String check(String name) {
        if (name == null || !SAFE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("artifact file name must match " + SAFE + " (was '" + name + "')");
        }
        return name;
    }

    /** A folder name for a component path: {@code features.user[0]} becomes {@code features.user-0}. */
    static String folderOf(String componentPath) {
        String folder = componentPath.replace('[', '-').replace("]", "");
        if (!SAFE.matcher(folder).matches()) {
            throw new ArtifactException("cannot store component path '" + componentPath + "'");
        }
        return folder;
    }
}
