package org.dysonsim.scenarios.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a path a command is asked to write lies inside a data directory, where it could
 * replace the journal or a run's files. Symbolic links are followed as far as the path exists.
 */
final class DataDirectoryPaths {
    private DataDirectoryPaths() {}

    static boolean contains(Path dataDir, Path file) {
        Path dir = real(dataDir);
        return real(file).startsWith(dir);
    }

    /** The real path of the longest existing ancestor of {@code path}, with the rest appended. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
