package org.dysonsim.scenarios.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dysonsim.persistence.DataDirectory;
import org.dysonsim.persistence.PersistenceIds;

/**
 * The files a run's directory may serve: a plain name (letters, digits, '.', '_', '-', not
 * starting with '.') of a regular file whose real path, links followed, lies inside the data
 * directory. Anything else is no file: a name with a separator or "..", a link pointing out of the
 * data directory, a directory.
 */
final class RunFiles {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private final DataDirectory dir;
    private final Path realRoot;

    RunFiles(DataDirectory dir) {
        this.dir = dir;
        try {
            this.realRoot = dir.root().toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot resolve the data directory " + dir.root() + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code name} can name a file of a run directory at all (else the request is bad). */
    static boolean isPlainName(String name) {
        return PLAIN_NAME.matcher(name).matches();
    }

    /** The file {@code name} of run {@code runId}'s directory, if it is one the server may send. */
    Optional<Path> file(String runId, String name) {
        if (!PersistenceIds.isValid(runId) || !isPlainName(name)) return Optional.empty();
        Path candidate = dir.runDirectory(runId).resolve(name);
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // missing, or a dangling link
        }
    }
}
