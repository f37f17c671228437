package org.dysonsim.scenarios.importing;

/**
 * A file that cannot be imported: one line, {@code dyson: <file>: <array>: <problem>}, exit code 2.
 * Every check runs before anything is written, so a refused import leaves the data directory as it was.
 */
public final class ImportException extends RuntimeException {
    private final String file;
    private final String array;

    /** @param array the array concerned, null when the problem is the file itself */
    public ImportException(String file, String array, String problem) {
        super(problem);
        this.file = file;
        this.array = array;
    }

    public String file() {
        return file;
    }

    public String array() {
        return array;
    }
}
