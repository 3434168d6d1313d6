package dev.m6rec.api;

import dev.m6rec.api.config.ConfigProblem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more configuration problems, each naming its full key path. Validation collects all
 * problems before throwing, so a user fixes a config in one pass.
 *
 * <pre>{@code
 * throw new ConfigException(List.of(new ConfigProblem("interest.hidden[1]", "must be > 0 (was -3)")));
 * }</pre>
 */
public class ConfigException extends M6RecException {
    private static final long serialVersionUID = 1L;
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String path, String message) {
        this(List.of(new ConfigProblem(path, message)));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " configuration problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
