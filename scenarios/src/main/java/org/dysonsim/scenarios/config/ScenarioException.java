package org.dysonsim.scenarios.config;

/**
 * A mistake in a scenario or in the options that override it. Its {@link #line()} is what the
 * user sees: {@code dyson: <file>: <key>: <problem>}, one line, no stack trace.
 */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final String key;
    private final String problem;

    /** @param key the offending key, or null when the problem is not about one key (a missing file) */
    public ScenarioException(String file, String key, String problem) {
        super(problem);
        this.file = file;
        this.key = key;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }

    /** The line shown to the user; file, key and problem come from user input, so control characters are escaped. */
    public String line() {
        String oneLine = TerminalText.oneLine(problem);
        String where = TerminalText.escape(file);
        return key == null ? "dyson: " + where + ": " + oneLine : "dyson: " + where + ": " + TerminalText.escape(key) + ": " + oneLine;
    }
}
