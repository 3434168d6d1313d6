package dev.m6rec.runtime.cli;

import dev.m6rec.api.M6RecException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where {@code batch-topk --output} writes: a plain local folder, checked and created with
 * {@code java.nio} before the engine starts, or a URI ({@code file:///...}, {@code hdfs://...},
 * any scheme the engine's Hadoop file systems know), which the engine checks. A scheme needs two
 * characters or more, so a Windows drive ({@code C:\out}) stays a path.
 *
 * <pre>{@code
 * OutputLocation out = OutputLocation.parse("hdfs://namenode/recs");   // out.local() is empty
 * }</pre>
 */
record OutputLocation(URI uri, Optional<Path> local) {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    static OutputLocation parse(String text) {
        if (SCHEME.matcher(text).matches()) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new M6RecException("--output: '" + text + "' is not a valid URI (" + e.getMessage() + ")");
            }
            if (uri.isOpaque() || uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new M6RecException("--output: '" + text + "' names no folder; expected SCHEME://[HOST]/PATH (no query), "
                        + "e.g. file:///data/top10 or hdfs://namenode/recs/top10");
            }
            return new OutputLocation(uri, Optional.empty());
        }
        try {
            Path path = Path.of(text);
            return new OutputLocation(path.toAbsolutePath().normalize().toUri(), Optional.of(path));
        } catch (InvalidPathException e) {
            throw new M6RecException("--output: '" + text + "' is not a valid path (" + e.getMessage() + ")");
        }
    }

    /** How a folder under this output is shown: a local path as a path, anything else as its URI. */
    String display(URI folder) {
        return local.isPresent() ? Path.of(folder).toString() : folder.toString();
    }
}
