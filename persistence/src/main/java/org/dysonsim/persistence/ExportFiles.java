package org.dysonsim.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How every export writes its files: each under a hidden temporary name beside it, renamed when
 * all are complete; an existing file is replaced only when asked, never a directory; an export
 * that fails leaves what was there before untouched and no temporary file behind.
 */
final class ExportFiles {
    private ExportFiles() {}

    /** What an export writes into its temporary files, in the order of its targets. */
    @FunctionalInterface
    interface Body<T> {
        T write(List<Path> parts) throws IOException;
    }

    /**
     * Writes {@code targets} through {@code body} and publishes them.
     *
     * @throws JournalException if a target exists (without {@code overwrite}) or is a directory, or
     *                          a file cannot be written
     */
    static <T> T write(List<Path> targets, boolean overwrite, Body<T> body) {
        for (Path target : targets) refuseToReplace(target, overwrite);
        List<Path> parts = new ArrayList<>();
        try {
            Path parent = targets.get(0).toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            for (Path target : targets) parts.add(newPart(target));
            T written = body.write(parts);
            for (int i = 0; i < targets.size(); i++) publish(parts.get(i), targets.get(i), overwrite);
            return written;
        } catch (IOException | UncheckedIOException e) {
            throw new JournalException("cannot write " + targets.get(0) + ": " + e.getMessage(), e);
        } finally {
            for (Path part : parts) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a leftover hidden .part file is harmless; the export's own error says more
                }
            }
        }
    }

    static void refuseToReplace(Path target, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new JournalException(target + " is a directory; name a file to write");
        }
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new JournalException(target + " exists; add --force to replace it");
        }
    }

    /**
     * A new hidden file beside {@code target} to write into: the target appears only when it is
     * complete, by a rename, and an export that fails leaves what was there before untouched.
     */
    private static Path newPart(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
        for (long k = System.nanoTime(); ; k++) {
            Path part = dir.resolve(stem + Long.toHexString(k) + ".part");
            try {
                Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return part;
            } catch (FileAlreadyExistsException taken) {
                // another export of the same name at the same moment: try the next name
            }
        }
    }

    private static void publish(Path part, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try {
            // a hard link fails if the target appeared meanwhile: no file is ever replaced without --force
            Files.createLink(target, part);
        } catch (FileAlreadyExistsException e) {
            throw new JournalException(target + " exists; add --force to replace it");
        } catch (UnsupportedOperationException | IOException noLinks) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new JournalException(target + " exists; add --force to replace it");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** {@code out.npy} → {@code out.<kind>.npy}; a name without {@code .npy} gets {@code .<kind>.npy} appended. */
    static Path sibling(Path out, String kind) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + "." + kind + ".npy");
    }

    /** The members of {@code runId} in {@code range} (all when null). */
    static java.util.SortedSet<Integer> members(TrajectoryReader reader, String runId, MemberRange range) {
        java.util.SortedSet<Integer> all = reader.members(runId);
        if (range == null) return all;
        java.util.SortedSet<Integer> chosen = range.select(all);
        if (chosen.isEmpty()) {
            throw new JournalException("run " + runId + " has no member in " + range + " (members " + all.first() + "-" + all.last() + ")");
        }
        return chosen;
    }
}
